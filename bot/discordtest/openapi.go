package discordtest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// specRelPath is where the shared reference tree keeps Discord's spec.
const specRelPath = "shared/discord-api/openapi.json"

// specs caches parsed specs by file path for the whole test binary: the file
// is 1.2 MB and parsing it for every Start would make each test slow. It is
// the package's only shared state, and it is written once per path.
var specs = &specCache{byPath: map[string]*specEntry{}}

type specCache struct {
	mu     sync.Mutex
	byPath map[string]*specEntry
	// skipLogged makes the "schema checks are skipped" note appear once.
	skipLogged sync.Once
}

type specEntry struct {
	once sync.Once
	spec *apiSpec
	err  error
}

// apiSpec validates request bodies against the requestBody schemas of
// Discord's OpenAPI 3.1 document.
type apiSpec struct {
	url   string
	paths map[string]any

	mu       sync.Mutex // the compiler is not safe for concurrent use
	compiler *jsonschema.Compiler
	schemas  map[string]*jsonschema.Schema // nil value: operation has no JSON body
}

// loadSpec finds and parses the spec, or logs once why schema checks are
// skipped and returns nil.
func loadSpec(t testing.TB, configured string) *apiSpec {
	t.Helper()
	path := configured
	if path == "" {
		path = locateSpec(workingDir())
	}
	if path == "" {
		specs.skipLogged.Do(func() {
			t.Logf("discordtest: OpenAPI schema checks are skipped: %s not found in any ancestor of %s (set Options.OpenAPIPath)", specRelPath, workingDir())
		})
		return nil
	}
	spec, err := specs.get(path)
	if err != nil {
		t.Fatalf("discordtest: %v", err)
	}
	return spec
}

// locateSpec looks for shared/discord-api/openapi.json in dir, every
// ancestor of dir, and each one's parent (the shared tree sits beside the
// repository).
func locateSpec(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		for _, base := range []string{d, filepath.Dir(d)} {
			p := filepath.Join(base, specRelPath)
			if st, err := os.Stat(p); err == nil && !st.IsDir() {
				return p
			}
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// workingDir is the directory the spec search starts from.
func workingDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	return wd
}

func (c *specCache) get(path string) (*apiSpec, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("openapi path %s: %w", path, err)
	}
	c.mu.Lock()
	e := c.byPath[abs]
	if e == nil {
		e = &specEntry{}
		c.byPath[abs] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.spec, e.err = parseSpec(abs) })
	return e.spec, e.err
}

func parseSpec(path string) (*apiSpec, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open openapi spec: %w", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		return nil, fmt.Errorf("parse openapi spec %s: %w", path, err)
	}
	root, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("openapi spec %s is not a JSON object", path)
	}
	paths, ok := root["paths"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("openapi spec %s has no paths", path)
	}
	url := "file://" + filepath.ToSlash(path)
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if err := c.AddResource(url, doc); err != nil {
		return nil, fmt.Errorf("load openapi spec: %w", err)
	}
	return &apiSpec{url: url, paths: paths, compiler: c, schemas: map[string]*jsonschema.Schema{}}, nil
}

// schemaFor compiles (once) the application/json requestBody schema of the
// operation, or returns nil when the operation takes no JSON body.
func (a *apiSpec) schemaFor(method, path string) (*jsonschema.Schema, error) {
	method = strings.ToLower(method)
	key := method + " " + path
	a.mu.Lock()
	defer a.mu.Unlock()
	if sch, ok := a.schemas[key]; ok {
		return sch, nil
	}
	op, _ := a.paths[path].(map[string]any)
	op, _ = op[method].(map[string]any)
	body, _ := op["requestBody"].(map[string]any)
	content, _ := body["content"].(map[string]any)
	if _, ok := content["application/json"]; !ok {
		a.schemas[key] = nil
		return nil, nil
	}
	loc := a.url + "#/paths/" + pointerEscape(path) + "/" + method + "/requestBody/content/application~1json/schema"
	sch, err := a.compiler.Compile(loc)
	if err != nil {
		return nil, fmt.Errorf("compile schema for %s %s: %w", method, path, err)
	}
	a.schemas[key] = sch
	return sch, nil
}

func pointerEscape(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// validate checks a JSON body against the operation's schema; nil when the
// spec is absent, the operation has no JSON body, or the body conforms.
func (a *apiSpec) validate(method, path string, payload []byte) error {
	if a == nil {
		return nil
	}
	sch, err := a.schemaFor(method, path)
	if err != nil || sch == nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(payload))
	if err != nil {
		return fmt.Errorf("body is not JSON: %w", err)
	}
	if strings.Contains(path, "/commands") {
		inst = normalisePermissions(inst)
	}
	if err := sch.Validate(inst); err != nil {
		var ve *jsonschema.ValidationError
		if errors.As(err, &ve) {
			// The first line only repeats the schema's long URL.
			_, detail, _ := strings.Cut(fmt.Sprintf("%v", ve), "\n")
			return errors.New("body does not match the spec's requestBody schema:\n" + detail)
		}
		return fmt.Errorf("validate: %w", err)
	}
	return nil
}

// normalisePermissions turns default_member_permissions strings into
// numbers. discordgo sends the field as a string (Discord accepts both and
// documents permissions as strings), but the spec types it as an integer;
// without this every command registration would be reported.
func normalisePermissions(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if s, ok := val.(string); ok && k == "default_member_permissions" && isDigits(s) {
				x[k] = json.Number(s)
				continue
			}
			x[k] = normalisePermissions(val)
		}
	case []any:
		for i := range x {
			x[i] = normalisePermissions(x[i])
		}
	}
	return v
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
