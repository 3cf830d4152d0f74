package commands

import (
	"flag"
	"os"
	"runtime"
	"strconv"
	"testing"
)

// endToEndParallel is how many tests run at once unless -parallel says
// otherwise. The end-to-end tests mostly wait, not compute: every harness's
// shutdown sits in discordgo's built-in 1 s sleep after the close frame,
// and scheduled work waits on real heartbeats. -parallel defaults to
// GOMAXPROCS, which on a 2-core machine would keep the package waiting for
// minutes, so the default here is a few times that.
func endToEndParallel() int { return max(8, 4*runtime.GOMAXPROCS(0)) }

func TestMain(m *testing.M) {
	flag.Parse()
	explicit := false
	flag.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "test.parallel" })
	if !explicit {
		if err := flag.Set("test.parallel", strconv.Itoa(endToEndParallel())); err != nil {
			panic(err)
		}
	}
	os.Exit(m.Run())
}
