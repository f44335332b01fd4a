// Command mksamples rewrites the bundled sample workbooks from their data
// (package samples) through the template generator.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/tddui/tddui/samples"
)

func main() {
	dir := "samples"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	for name, d := range samples.All {
		if err := d.WriteXLSX(filepath.Join(dir, name+".xlsx")); err != nil {
			fmt.Fprintln(os.Stderr, name, err)
			os.Exit(1)
		}
	}
}
