package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/tddui/tddui/templates"
	"github.com/xuri/excelize/v2"
)

// runTemplateCmd runs the CLI as a user would and captures what it prints.
// Not parallel: it swaps os.Stdout and os.Stderr.
func runTemplateCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	outR, outW, _ := os.Pipe()
	errR, errW, _ := os.Pipe()
	oldOut, oldErr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = outW, errW
	var outB, errB bytes.Buffer
	done := make(chan struct{}, 2)
	go func() { io.Copy(&outB, outR); done <- struct{}{} }()
	go func() { io.Copy(&errB, errR); done <- struct{}{} }()
	code = run(append([]string{"tddui"}, args...))
	os.Stdout, os.Stderr = oldOut, oldErr
	outW.Close()
	errW.Close()
	<-done
	<-done
	return code, outB.String(), errB.String()
}

func openTemplateWorkbook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestTemplateCommandXLSX(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.xlsx"), filepath.Join(dir, "b.xlsx")
	for path, args := range map[string][]string{
		a: {"template", "ssiad", "-o", a}, // flag after the template, as documented
		b: {"template", "--output", b, "ssiad"},
	} {
		code, out, errOut := runTemplateCmd(t, args...)
		if code != exitOK || errOut != "" || !strings.Contains(out, "Modèle écrit : "+path) {
			t.Fatalf("%q: code %d, out %q, err %q", args, code, out, errOut)
		}
		f := openTemplateWorkbook(t, path)
		sheets := f.GetSheetList()
		if sheets[0] != "Lisez-moi" || sheets[1] != "Paramètres" || sheets[len(sheets)-1] != "Listes" {
			t.Errorf("%q: sheets %q", args, sheets)
		}
	}
}

func TestTemplateCommandEnglish(t *testing.T) {
	path := filepath.Join(t.TempDir(), "template.xlsx")
	for _, args := range [][]string{
		{"--lang", "en", "template", "ssiad", "-o", path},
		{"template", "ssiad", "-o", path, "--lang", "en"},
	} {
		code, out, errOut := runTemplateCmd(t, args...)
		if code != exitOK || !strings.Contains(out, "Template written: ") {
			t.Fatalf("%q: code %d, out %q, err %q", args, code, out, errOut)
		}
		f := openTemplateWorkbook(t, path)
		if got := f.GetSheetList(); got[0] != "Read me" || !slices.Contains(got, "Events") {
			t.Errorf("%q: sheets %q", args, got)
		}
		row, err := f.GetRows("Events")
		if err != nil || len(row) == 0 || row[0][0] != "Event number *" {
			t.Errorf("%q: Events headers %v, %v", args, row, err)
		}
	}
}

func TestTemplateCommandCSV(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "csv")
	code, _, errOut := runTemplateCmd(t, "template", "ssiad", "--csv", dir)
	if code != exitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	for _, s := range templates.SSIAD.Sheets {
		if _, err := os.Stat(filepath.Join(dir, s.Key+".csv")); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(dir), "modele-ssiad.xlsx")); !os.IsNotExist(err) {
		t.Error("--csv alone must not write a workbook")
	}
}

// Without -o the workbook is modele-<template>.xlsx in the current folder.
func TestTemplateCommandDefaultName(t *testing.T) {
	t.Chdir(t.TempDir())
	if code, _, errOut := runTemplateCmd(t, "template", "SSIAD"); code != exitOK {
		t.Fatalf("code %d: %s", code, errOut)
	}
	openTemplateWorkbook(t, "modele-ssiad.xlsx")
}

func TestTemplateCommandErrors(t *testing.T) {
	known := strings.Join(templates.Keys(), ", ")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"template", "inconnu"}, `modèle inconnu "inconnu" (modèles : ` + known + ")"},
		{[]string{"--lang", "en", "template", "unknown"}, `unknown template "unknown" (templates: ` + known + ")"},
		{[]string{"template"}, "indiquez un modèle : " + known},
		{[]string{"template", "ssiad", "pp"}, "un seul modèle"},
		{[]string{"--lang", "de", "template", "ssiad"}, "langue inconnue"},
		{[]string{"template", "ssiad", "--inconnu"}, "-inconnu"},
	} {
		t.Chdir(t.TempDir())
		code, _, errOut := runTemplateCmd(t, tc.args...)
		if code != exitUsage || !strings.Contains(errOut, tc.want) {
			t.Errorf("%q: code %d, stderr %q, want %q", tc.args, code, errOut, tc.want)
		}
		if entries, _ := os.ReadDir("."); len(entries) != 0 {
			t.Errorf("%q: wrote %v despite the error", tc.args, entries)
		}
	}
}

func TestTemplateCommandHelpAfterArg(t *testing.T) {
	code, out, _ := runTemplateCmd(t, "template", "ssiad", "--help")
	if code != exitOK || !strings.Contains(out, "tddui template ssiad -o modele-ssiad.xlsx") {
		t.Errorf("code %d, help %q", code, out)
	}
}
