package commands

import (
	"bytes"
	"fmt"
	"image/color"
	"time"

	"github.com/spotter-bot/spotter"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The chart's look: one colour and shape per way a reading was taken.
var (
	restingColor  = color.RGBA{R: 0x2F, G: 0x9E, B: 0x75, A: 0xFF}
	trainingColor = color.RGBA{R: 0xD9, G: 0x7A, B: 0x1E, A: 0xFF}
	baselineColor = color.RGBA{R: 0x55, G: 0x55, B: 0x55, A: 0xFF}
)

// chartSeries says how each source is drawn, in legend order.
var chartSeries = []struct {
	label   string
	sources []string
	color   color.Color
	shape   draw.GlyphDrawer
}{
	{"Daily check-in", []string{spotter.PromptDaily}, restingColor, draw.CircleGlyph{}},
	{"Logged by you", []string{"manual", "baseline"}, restingColor, draw.BoxGlyph{}},
	{"After training", []string{"workout", spotter.PromptAfterWorkout}, trainingColor, draw.PyramidGlyph{}},
}

// painChart draws the entries from from to to as a PNG with gonum/plot:
// every entry as a point (shape and colour by how it was taken), a line
// through the resting ones, and the baseline as a dashed line. Days are the
// member's. Missed days are simply gaps.
func painChart(entries []spotter.PainEntry, baseline int, hasBaseline bool, loc *time.Location, from, to time.Time) ([]byte, error) {
	p := plot.New()
	p.Title.Text = "Your lower-back pain"
	p.Y.Label.Text = "Pain (0 none, 10 worst)"
	p.Y.Min, p.Y.Max = 0, 10
	p.Y.Tick.Marker = plot.ConstantTicks(painTicks())
	span := to.Sub(from)
	p.X.Min = float64(from.Add(-span / 40).Unix())
	p.X.Max = float64(to.Add(span / 40).Unix())
	p.X.Tick.Marker = dayTicks{loc: loc}
	p.Legend.Top = true
	p.Add(plotter.NewGrid())

	var resting plotter.XYs
	for _, e := range entries {
		if e.Source != "workout" && e.Source != spotter.PromptAfterWorkout {
			resting = append(resting, plotter.XY{X: float64(e.At.Unix()), Y: float64(e.Pain)})
		}
	}
	if len(resting) > 1 {
		line, err := plotter.NewLine(resting)
		if err != nil {
			return nil, fmt.Errorf("chart line: %w", err)
		}
		line.Color, line.Width = restingColor, vg.Points(1.5)
		p.Add(line)
	}
	if hasBaseline {
		base, err := plotter.NewLine(plotter.XYs{{X: p.X.Min, Y: float64(baseline)}, {X: p.X.Max, Y: float64(baseline)}})
		if err != nil {
			return nil, fmt.Errorf("chart baseline: %w", err)
		}
		base.Color, base.Dashes = baselineColor, []vg.Length{vg.Points(4), vg.Points(3)}
		p.Add(base)
		p.Legend.Add(fmt.Sprintf("Starting level (%d)", baseline), base)
	}
	for _, s := range chartSeries {
		var pts plotter.XYs
		for _, e := range entries {
			for _, src := range s.sources {
				if e.Source == src {
					pts = append(pts, plotter.XY{X: float64(e.At.Unix()), Y: float64(e.Pain)})
				}
			}
		}
		if len(pts) == 0 {
			continue
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, fmt.Errorf("chart points: %w", err)
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: s.color, Radius: vg.Points(3.5), Shape: s.shape}
		p.Add(sc)
		p.Legend.Add(s.label, sc)
	}
	w, err := p.WriterTo(16*vg.Centimeter, 9*vg.Centimeter, "png")
	if err != nil {
		return nil, fmt.Errorf("render chart: %w", err)
	}
	var buf bytes.Buffer
	if _, err := w.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("encode chart: %w", err)
	}
	return buf.Bytes(), nil
}

func painTicks() []plot.Tick {
	var ticks []plot.Tick
	for n := 0; n <= 10; n++ {
		label := ""
		if n%2 == 0 {
			label = fmt.Sprint(n)
		}
		ticks = append(ticks, plot.Tick{Value: float64(n), Label: label})
	}
	return ticks
}

// dayTicks marks midnights in the member's zone, labelled like "4 May",
// about seven labels whatever the span.
type dayTicks struct{ loc *time.Location }

func (d dayTicks) Ticks(lo, hi float64) []plot.Tick {
	start := time.Unix(int64(lo), 0).In(d.loc)
	end := time.Unix(int64(hi), 0).In(d.loc)
	days := int(end.Sub(start).Hours()/24) + 1
	step := max(1, (days+6)/7)
	var ticks []plot.Tick
	day := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, d.loc)
	for i := 0; !day.After(end); i++ {
		if !day.Before(start) {
			label := ""
			if i%step == 0 {
				label = day.Format("2 Jan")
			}
			ticks = append(ticks, plot.Tick{Value: float64(day.Unix()), Label: label})
		}
		day = day.AddDate(0, 0, 1)
	}
	return ticks
}
