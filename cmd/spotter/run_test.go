package main

import (
	"context"
	"strings"
	"testing"
)

func TestHelpListsEverySubcommand(t *testing.T) {
	var out strings.Builder
	if err := run(context.Background(), []string{"help"}, noEnv, &out, &out); err != nil {
		t.Fatal(err)
	}
	for name, sub := range subcommands() {
		if !strings.Contains(out.String(), "  "+sub.usage+"\n") || !strings.Contains(out.String(), sub.summary) {
			t.Errorf("help does not list %q:\n%s", name, out.String())
		}
	}
}

func TestUsageErrorsExitTwo(t *testing.T) {
	cases := map[string][]string{
		"unknown subcommand": {"frobnicate"},
		"unknown flag":       {"-nope"},
		"stray argument":     {"run", "-config", "x.toml", "extra"},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			var out strings.Builder
			err := run(context.Background(), args, noEnv, &out, &out)
			if got := exitCode(err, &out); got != 2 {
				t.Errorf("exit code %d (err %v), want 2", got, err)
			}
		})
	}
}
