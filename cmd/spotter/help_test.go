package main

import (
	"context"
	"runtime"
	"strings"
	"testing"
)

func TestDashHIsTheSameAsHelpAndExitsZero(t *testing.T) {
	var help strings.Builder
	if err := run(context.Background(), []string{"help"}, noEnv, &help, &help); err != nil {
		t.Fatal(err)
	}
	for _, flag := range []string{"-h", "-help", "--help"} {
		var out strings.Builder
		err := run(context.Background(), []string{flag}, noEnv, &out, &out)
		if code := exitCode(err, &out); code != 0 {
			t.Errorf("spotter %s exits %d (%v), want 0", flag, code, err)
		}
		if out.String() != help.String() {
			t.Errorf("spotter %s printed\n%s\nwant what spotter help prints\n%s", flag, out.String(), help.String())
		}
	}
}

func TestHelpSubcommandPrintsItsUsageAndFlags(t *testing.T) {
	cases := map[string][]string{
		"backup":  {"usage: spotter backup [-config FILE] OUT", "-config", "never overwrites"},
		"privacy": {"usage: spotter privacy export|delete", "-yes", "Developer Mode"},
		"ask":     {"usage: spotter ask", "-region", "-json"},
		"kb":      {"usage: spotter kb lint", "-dir"},
		"run":     {"usage: spotter [run] [-config FILE]", "config file's folder"},
		"version": {"usage: spotter version"},
	}
	for name, wants := range cases {
		t.Run(name, func(t *testing.T) {
			var viaHelp, viaFlag strings.Builder
			if err := run(context.Background(), []string{"help", name}, noEnv, &viaHelp, &viaHelp); err != nil {
				t.Fatalf("spotter help %s: %v", name, err)
			}
			for _, want := range wants {
				if !strings.Contains(viaHelp.String(), want) {
					t.Errorf("spotter help %s lacks %q:\n%s", name, want, viaHelp.String())
				}
			}
			args := []string{name, "-h"}
			if name == "run" {
				args = []string{"run", "-h"}
			}
			if err := run(context.Background(), args, noEnv, &viaFlag, &viaFlag); err != nil {
				t.Fatalf("spotter %s -h exits with %v, want 0", name, err)
			}
			if viaFlag.String() != viaHelp.String() {
				t.Errorf("spotter %s -h differs from spotter help %s:\n%s", name, name, viaFlag.String())
			}
		})
	}
	var out strings.Builder
	if err := run(context.Background(), []string{"help", "frobnicate"}, noEnv, &out, &out); exitCode(err, &out) != 2 {
		t.Errorf("help for an unknown subcommand: %v, want a usage error", err)
	}
}

func TestVersionSaysWhatTheBinaryWasBuiltWith(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"version"}, noEnv, &out, &out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"spotter ", runtime.Version(), runtime.GOOS + "/" + runtime.GOARCH, "sqlite  linked (cgo)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("spotter version lacks %q:\n%s", want, out.String())
		}
	}
}
