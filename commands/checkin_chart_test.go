package commands

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/spotter-bot/spotter"
)

// countColor counts the pixels of img close to c.
func countColor(img image.Image, c color.RGBA) int {
	n := 0
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if near(r>>8, c.R) && near(g>>8, c.G) && near(bl>>8, c.B) {
				n++
			}
		}
	}
	return n
}

func near(a uint32, b uint8) bool { return a+8 >= uint32(b) && a <= uint32(b)+8 }

func TestPainChartShowsEachKindOfReading(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)
	var resting []spotter.PainEntry
	for d := range 10 {
		resting = append(resting, spotter.PainEntry{Source: spotter.PromptDaily, Pain: 7 - d/2, At: start.AddDate(0, 0, d)})
	}
	withTraining := append([]spotter.PainEntry{{Source: "workout", Pain: 8, At: start.Add(50 * time.Hour)}}, resting...)
	tests := []struct {
		name         string
		entries      []spotter.PainEntry
		wantTraining bool
	}{
		{"daily check-ins only", resting, false},
		{"with a training reading", withTraining, true},
		{"a single reading", resting[:1], false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := painChart(tt.entries, 7, true, time.UTC, start, start.AddDate(0, 0, 10))
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			if b := img.Bounds(); b.Dx() < 500 || b.Dx() > 1200 || b.Dy() < 250 {
				t.Errorf("chart is %dx%d", b.Dx(), b.Dy())
			}
			if countColor(img, restingColor) < 50 {
				t.Error("the check-ins are not drawn")
			}
			if got := countColor(img, trainingColor) > 8; got != tt.wantTraining {
				t.Errorf("training reading drawn: %v, want %v", got, tt.wantTraining)
			}
		})
	}
}

func TestDayTicksLabelAboutAWeekOfDaysInTheMembersZone(t *testing.T) {
	t.Parallel()
	sydney, err := time.LoadLocation("Australia/Sydney")
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 4, 1, 0, 0, 0, 0, sydney)
	ticks := dayTicks{loc: sydney}.Ticks(float64(from.Unix()), float64(from.AddDate(0, 0, 28).Unix()))
	labelled := 0
	for _, tk := range ticks {
		at := time.Unix(int64(tk.Value), 0).In(sydney)
		if at.Hour() != 0 || at.Minute() != 0 {
			t.Errorf("tick at %v is not a Sydney midnight (the clocks change on 5 April)", at)
		}
		if tk.Label != "" {
			labelled++
		}
	}
	if len(ticks) != 29 || labelled < 5 || labelled > 8 {
		t.Errorf("%d ticks, %d labelled; want a tick per day and about a week of labels", len(ticks), labelled)
	}
}
