package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The browser test drives `spotter playground` in headless Chromium as a
// newcomer would. Locally it skips when no Chromium is installed; CI
// (.ci/run) installs Debian's chromium package and sets
// SPOTTER_BROWSER_TESTS=1, so there a missing browser fails.
//
// SPOTTER_SCREENSHOTS=DIR keeps the screenshots it takes in DIR (the
// README's come from docs/screenshots); otherwise they go to a temporary
// folder.

// chromium returns the browser to drive, or skips (fails under
// SPOTTER_BROWSER_TESTS=1) when there is none.
func chromium(t *testing.T) string {
	t.Helper()
	candidates := []string{os.Getenv("SPOTTER_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"}
	for _, p := range candidates {
		if p == "" {
			continue
		}
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	msg := "no Chromium at /usr/bin/chromium (or SPOTTER_CHROMIUM): install Debian's chromium package (apt-get install chromium) to run the browser test"
	if os.Getenv("SPOTTER_BROWSER_TESTS") == "1" {
		t.Fatal(msg + "; SPOTTER_BROWSER_TESTS=1 requires it")
	}
	t.Skip(msg)
	return ""
}

// browser starts headless Chromium with nothing running in the background
// and returns a tab's context.
func browser(t *testing.T) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromium(t)),
		chromedp.Headless,
		chromedp.NoSandbox, // root in CI containers
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(profileDir(t)),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelTab(); cancelAlloc() })

	var mu sync.Mutex
	var jsErrors []string
	chromedp.ListenTarget(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			mu.Lock()
			jsErrors = append(jsErrors, e.ExceptionDetails.Error())
			mu.Unlock()
		}
	})
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, e := range jsErrors {
			t.Errorf("the page threw: %s", e)
		}
	})
	if err := chromedp.Run(ctx, chromedp.EmulateViewport(1200, 900)); err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// profileDir is a Chromium profile directory removed after the test. Not
// t.TempDir: Chromium's helper processes can still be writing to it for a
// moment after the browser is closed, and t.TempDir fails the test when its
// removal finds a file appear ("directory not empty"), as it did under load.
func profileDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "spotter-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 20 {
			if err := os.RemoveAll(dir); err == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Logf("left Chromium's profile at %s: it was still being written to", dir)
	})
	return dir
}

// step runs browser actions with a deadline and fails the test naming what
// the member was doing.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Run(sctx, actions...); err != nil {
		var text string
		_ = chromedp.Run(ctx, chromedp.Text("#app", &text, chromedp.ByQuery))
		t.Fatalf("%s: %v\nthe page shows:\n%s", what, err, text)
	}
}

// button is the XPath of a button with exactly this label; in the last
// message when last is true.
func button(label string, last bool) string {
	scope := "//div[@id='messages']"
	if last {
		scope = "(//div[@id='messages']/div[contains(@class,'msg')])[last()]"
	}
	return fmt.Sprintf("%s//button[normalize-space(.)=%q and not(@disabled)]", scope, label)
}

// screenshot saves the window as docs/screenshots would show it.
func screenshot(t *testing.T, ctx context.Context, dir, name string) {
	t.Helper()
	var png []byte
	// Let images decode and the poll settle before the picture.
	step(t, ctx, "take the screenshot "+name, chromedp.Sleep(300*time.Millisecond), chromedp.CaptureScreenshot(&png))
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// slash types a slash command, picks it from the list and fills options.
func slash(t *testing.T, ctx context.Context, command string, options map[string]string) {
	t.Helper()
	actions := []chromedp.Action{
		chromedp.SendKeys("#input", "/"+command, chromedp.ByQuery),
		chromedp.WaitVisible(fmt.Sprintf(`#command-list [data-command=%q]`, command), chromedp.ByQuery),
		chromedp.SendKeys("#input", kb.Enter, chromedp.ByQuery),
		chromedp.WaitVisible("#command-form", chromedp.ByQuery),
	}
	last := "#input"
	for name, value := range options {
		last = fmt.Sprintf(`#command-form [data-option=%q]`, name)
		actions = append(actions, chromedp.SendKeys(last, value, chromedp.ByQuery))
	}
	if len(options) == 0 {
		last = "#command-form [data-option]"
	}
	actions = append(actions, chromedp.SendKeys(last, kb.Enter, chromedp.ByQuery), chromedp.WaitNotVisible("#command-form", chromedp.ByQuery))
	step(t, ctx, "send /"+command, actions...)
}

func TestPlaygroundInABrowser(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	rp := startPlayground(t)
	shots := os.Getenv("SPOTTER_SCREENSHOTS")
	if shots == "" {
		shots = t.TempDir()
	}

	step(t, ctx, "open the page", chromedp.Navigate(rp.url), chromedp.WaitVisible(`#channels li`, chromedp.ByQuery))

	// Ask /sore-back in #general, as the member.
	slash(t, ctx, "sore-back", map[string]string{"question": "my lower back is cooked after heavy deadlifts yesterday"})
	step(t, ctx, "see the answer", chromedp.WaitVisible(button("Red-flag check", false), chromedp.BySearch),
		chromedp.WaitVisible(`//div[contains(@class,'used') and contains(., 'used /sore-back')]`, chromedp.BySearch),
		chromedp.Evaluate(`[...document.querySelectorAll('#messages .msg')].pop().scrollIntoView({block: "start"})`, nil))
	screenshot(t, ctx, shots, "sore-back.png")

	// The red-flag check runs in the DM.
	step(t, ctx, "click Red-flag check", chromedp.Click(button("Red-flag check", false), chromedp.BySearch))
	step(t, ctx, "open the DM", chromedp.WaitVisible(`#dms li .badge`, chromedp.ByQuery), chromedp.Click(`#dms li`, chromedp.ByQuery),
		chromedp.WaitVisible(`//div[@id='messages']//div[contains(@class,'embed-title') and contains(., 'Red-flag check: step 1')]`, chromedp.BySearch))
	screenshot(t, ctx, shots, "red-flag-check.png")
	for i := 0; ; i++ {
		var title string
		step(t, ctx, "read the red-flag step", chromedp.Text(`(//div[@id='messages']//div[contains(@class,'embed-title')])[last()]`, &title, chromedp.BySearch))
		if !strings.Contains(title, "Red-flag check: step") {
			break
		}
		if i > 20 {
			t.Fatalf("the red-flag check is still asking after %d answers: %q", i, title)
		}
		answer := fmt.Sprintf(`%s | %s`, button("None of these", true), button("No", true))
		step(t, ctx, "answer "+title, chromedp.Click(answer, chromedp.BySearch),
			chromedp.WaitNotPresent(fmt.Sprintf(`//div[contains(@class,'embed-title') and normalize-space(.)=%q]`, title), chromedp.BySearch))
	}

	// Start check-ins from the outcome's button: a form opens. The time is
	// a few minutes ago, so after a day's jump the first check-in is due.
	at := time.Now().UTC().Add(-5 * time.Minute).Format("15:04")
	step(t, ctx, "click Track my recovery", chromedp.Click(button("Track my recovery", true), chromedp.BySearch),
		chromedp.WaitVisible(`#modal input`, chromedp.ByQuery),
		chromedp.SendKeys(`#modal .fields input:nth-of-type(1)`, "6", chromedp.ByQuery),
		chromedp.SendKeys(`#modal .fields input:nth-of-type(2)`, at, chromedp.ByQuery),
		chromedp.SetValue(`#modal .fields input:nth-of-type(3)`, "UTC", chromedp.ByQuery))
	screenshot(t, ctx, shots, "check-in-form.png")
	step(t, ctx, "submit the form", chromedp.Click(`#modal button[type=submit]`, chromedp.ByQuery),
		chromedp.WaitNotVisible(`#modal-backdrop`, chromedp.ByQuery))

	// Jump a day: the check-in DM arrives; answer it.
	step(t, ctx, "jump a day", chromedp.Click(`button[data-advance="24h"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`//div[@id='clock-now' and contains(., '1d ahead')]`, chromedp.BySearch),
		chromedp.WaitVisible(button("3", true), chromedp.BySearch))
	screenshot(t, ctx, shots, "check-in-dm.png")
	step(t, ctx, "answer the check-in", chromedp.Click(button("3", true), chromedp.BySearch),
		chromedp.WaitNotPresent(button("3", true), chromedp.BySearch))

	// The history: the chart is an attachment shown as an image.
	slash(t, ctx, "checkin history", nil)
	var width int
	step(t, ctx, "see the chart",
		chromedp.WaitVisible(`//div[contains(@class,'field') and contains(., 'Latest') and contains(., '3/10')]`, chromedp.BySearch),
		chromedp.WaitVisible(`.embed img`, chromedp.ByQuery),
		chromedp.Poll(`(() => { const i = [...document.querySelectorAll('.embed img')].pop(); return i && i.complete && i.naturalWidth > 0 && i.naturalWidth; })()`, &width))
	if width < 200 {
		t.Errorf("the pain chart is %d px wide; want a real image", width)
	}
	screenshot(t, ctx, shots, "history-chart.png")
}
