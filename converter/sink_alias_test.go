package converter_test

import "github.com/tddui/tddui/converter/sink"

var sinkAnnotate = sink.Annotate
