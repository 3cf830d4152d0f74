// Package mdfile reads and checks reviewable Markdown files: TOML front
// matter between +++ fences, then "## " sections in a fixed order. The
// knowledge-base entries and the form-tip cards are both written this way,
// and both report what is wrong as Problems an author can act on, all at
// once rather than the first only.
//
// The package is pure Go: the standard library and a TOML decoder.
package mdfile
