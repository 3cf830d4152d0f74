package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"regexp"
	"strconv"
	"strings"
)

// maxBody is Discord's upload limit for bots without boosts, plus headroom
// for the JSON part.
const maxBody = 26 << 20

var filesField = regexp.MustCompile(`^files\[(\d+)\]$`)

// parsedBody is a request body split into its JSON payload and its uploads.
type parsedBody struct {
	payload []byte
	files   []File
	// fileIndex maps each upload to the n of its files[n] field, which
	// attachments[].id refers to.
	fileIndex []int
}

// parseBody reads a JSON or multipart/form-data body the way Discord does:
// in multipart, payload_json holds the JSON and files[n] the uploads.
func parseBody(r *http.Request, raw []byte) (parsedBody, *apiError) {
	if len(raw) == 0 {
		return parsedBody{}, nil
	}
	mediaType, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		mediaType = ""
	}
	switch mediaType {
	case "application/json":
		if !json.Valid(raw) {
			return parsedBody{}, &apiError{status: http.StatusBadRequest, Code: 50109, Message: "The request body contains invalid JSON."}
		}
		return parsedBody{payload: raw}, nil
	case "multipart/form-data":
		return parseMultipart(raw, params["boundary"])
	default:
		e := newAPIError(http.StatusBadRequest, codeGeneral)
		e.Message = fmt.Sprintf("400: Bad Request (unsupported Content-Type %q)", r.Header.Get("Content-Type"))
		return parsedBody{}, e
	}
}

func parseMultipart(raw []byte, boundary string) (parsedBody, *apiError) {
	bad := func(why string) (parsedBody, *apiError) {
		e := newAPIError(http.StatusBadRequest, codeInvalidFormBody)
		var f formErrors
		f.add("", "MULTIPART_INVALID", why)
		e.Errors = f.root
		return parsedBody{}, e
	}
	if boundary == "" {
		return bad("missing multipart boundary")
	}
	mr := multipart.NewReader(bytes.NewReader(raw), boundary)
	var out parsedBody
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return bad("malformed multipart body: " + err.Error())
		}
		data, err := io.ReadAll(part)
		if err != nil {
			return bad("malformed multipart part: " + err.Error())
		}
		name := part.FormName()
		switch m := filesField.FindStringSubmatch(name); {
		case name == "payload_json":
			if !json.Valid(data) {
				return parsedBody{}, &apiError{status: http.StatusBadRequest, Code: 50109, Message: "The request body contains invalid JSON."}
			}
			out.payload = data
		case m != nil:
			n, _ := strconv.Atoi(m[1]) // the pattern guarantees digits.
			ct := part.Header.Get("Content-Type")
			if ct == "" {
				ct = "application/octet-stream"
			}
			out.files = append(out.files, File{Name: part.FileName(), ContentType: strings.TrimSpace(ct), Data: data})
			out.fileIndex = append(out.fileIndex, n)
		}
	}
	if len(out.files) > 10 {
		return bad("Must be 10 or fewer in length.")
	}
	return out, nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the client hung up; nothing to do.
}
