package envoi

import (
	"fmt"
	"os"
	"strings"
)

// ReadToken gets the bearer token from a file (first choice) or an
// environment variable: never from the command line, where it would sit in
// the shell history and in ps. "" when neither is set.
func ReadToken(envName, file string) (string, error) {
	if file != "" {
		data, err := os.ReadFile(file)
		if err != nil {
			return "", fmt.Errorf("lecture du jeton : %w", err)
		}
		tok := strings.TrimSpace(string(data))
		if tok == "" {
			return "", fmt.Errorf("%s : fichier de jeton vide", file)
		}
		return tok, nil
	}
	if envName == "" {
		return "", nil
	}
	return strings.TrimSpace(os.Getenv(envName)), nil
}
