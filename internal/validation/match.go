package validation

// matchesPattern is FHIR's pattern[x] test: every property of the pattern is
// in the value; each item of a pattern array matches some item of the value.
func matchesPattern(pattern, value any) bool {
	switch p := pattern.(type) {
	case *object:
		m, ok := value.(*object)
		if !ok {
			return false
		}
		for _, pm := range p.m {
			if !matchesPattern(pm.v, m.get(pm.k)) {
				return false
			}
		}
		return true
	case *array:
		arr, ok := itemsOf(value)
		if !ok {
			arr = []any{value}
		}
		for _, pi := range p.items {
			found := false
			for _, vi := range arr {
				if matchesPattern(pi, vi) {
					found = true
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	default:
		return pattern == value
	}
}
