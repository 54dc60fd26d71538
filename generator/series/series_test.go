package series

import (
	"bytes"
	"fmt"
	"maps"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shiftbook/shiftbook/generator/internal/testfiles"
)

// pt is a point in a compact form for tables; cols holds every column
// besides date and value as Point.Text gives it.
type pt struct {
	date  string
	value float64
	line  int
	cols  map[string]string
}

// rows is every point of f: the headline series, then each segment's.
func rows(f *File) []Point {
	out := append([]Point(nil), f.Points...)
	for _, seg := range f.Segments {
		out = append(out, seg.Points...)
	}
	return out
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestReadGood(t *testing.T) {
	tests := []struct {
		name, path, src string
		want            []pt
	}{
		{"csv minimal", "d/m.csv", "date,value\n2025-11-30,41.2\n",
			[]pt{{"2025-11-30", 41.2, 2, nil}}},
		{"csv columns in any order, any case, padded", "d/m.CSV", " Value ,DATE,Segment\n41.2,2025-11-30,SMB\n",
			[]pt{{"2025-11-30", 41.2, 2, map[string]string{"segment": "SMB"}}}},
		{"csv sorted by date", "d/m.csv", "date,value\n2025-12-01,3\n2025-10-01,1\n2025-11-01,2\n",
			[]pt{{"2025-10-01", 1, 3, nil}, {"2025-11-01", 2, 4, nil}, {"2025-12-01", 3, 2, nil}}},
		{"csv bom crlf and blank trailing lines", "d/m.csv", "\uFEFFdate,value\r\n2025-11-30,41.2\r\n\r\n\r\n",
			[]pt{{"2025-11-30", 41.2, 2, nil}}},
		{"csv no final newline", "d/m.csv", "date,value\n2025-11-30,-7",
			[]pt{{"2025-11-30", -7, 2, nil}}},
		{"csv blank line and empty row between rows", "d/m.csv", "date,value\n2025-11-30,1\n\n,\n2025-12-01,2\n",
			[]pt{{"2025-11-30", 1, 2, nil}, {"2025-12-01", 2, 5, nil}}},
		{"csv quoted fields and spaces", "d/m.csv", "date,value,note\n\"2025-11-30\", \"41.2\",\"a, \"\"b\"\"\"\n",
			[]pt{{"2025-11-30", 41.2, 2, map[string]string{"note": `a, "b"`}}}},
		{"csv multi-line quoted note", "d/m.csv", "date,value,note\n2025-11-30,1,\"two\nlines\"\n2025-12-01,2,\n",
			[]pt{{"2025-11-30", 1, 2, map[string]string{"note": "two\nlines"}}, {"2025-12-01", 2, 4, nil}}},
		{"csv short row leaves out optional columns", "d/m.csv", "date,value,segment\n2025-11-30,1\n",
			[]pt{{"2025-11-30", 1, 2, nil}}},
		{"csv unnamed empty column", "d/m.csv", "date,value,\n2025-11-30,1,\n",
			[]pt{{"2025-11-30", 1, 2, nil}}},
		{"csv rfc 3339 keeps the written date", "d/m.csv", "date,value\n2025-11-30T23:30:00-05:00,1\n2025-12-01T00:10:00.5+02:00,2\n",
			[]pt{{"2025-11-30", 1, 2, nil}, {"2025-12-01", 2, 3, nil}}},
		{"csv number forms", "d/m.csv", "date,value\n2025-01-01,+3\n2025-01-02,.5\n2025-01-03,5.\n2025-01-04,1e3\n2025-01-05,-2E-2\n",
			[]pt{{"2025-01-01", 3, 2, nil}, {"2025-01-02", 0.5, 3, nil}, {"2025-01-03", 5, 4, nil}, {"2025-01-04", 1000, 5, nil}, {"2025-01-05", -0.02, 6, nil}}},

		{"json", "d/m.json", "[\n  {\"date\": \"2025-11-30\", \"value\": 41.2, \"segment\": \"SMB\"},\n  {\"date\": \"2025-10-31\", \"value\": 40}\n]\n",
			[]pt{{"2025-10-31", 40, 3, nil}, {"2025-11-30", 41.2, 2, map[string]string{"segment": "SMB"}}}}, // everyone, then the segment
		{"json keys any case, numbers and booleans kept as text, null ignored", "d/m.JSON",
			`[{"Value": 1, "DATE": "2025-11-30", "n": 12, "ok": true, "note": null, "Segment": "x"}]`,
			[]pt{{"2025-11-30", 1, 1, map[string]string{"n": "12", "ok": "true", "segment": "x"}}}},
		{"json crlf", "d/m.json", "[\r\n {\"date\":\"2025-11-30\",\"value\":1},\r\n {\"date\":\"2025-12-01\",\"value\":2}\r\n]\r\n",
			[]pt{{"2025-11-30", 1, 2, nil}, {"2025-12-01", 2, 3, nil}}},
		{"json bom", "d/m.json", "\uFEFF[{\"date\":\"2025-11-30\",\"value\":1}]",
			[]pt{{"2025-11-30", 1, 1, nil}}},
		{"json rfc 3339", "d/m.json", `[{"date":"2025-11-30T10:00:00Z","value":1e2}]`,
			[]pt{{"2025-11-30", 100, 1, nil}}},

		{"toml", "d/m.toml", "[[points]]\ndate = 2025-11-30\nvalue = 41.2\nsegment = \"SMB\"\n\n[[points]]\ndate = \"2025-10-31\"\nvalue = 40\nnote = 'x'\n",
			[]pt{{"2025-10-31", 40, 6, map[string]string{"note": "x"}}, {"2025-11-30", 41.2, 1, map[string]string{"segment": "SMB"}}}},
		{"toml crlf and bom", "d/m.toml", "\uFEFF[[points]]\r\ndate = 2025-11-30\r\nvalue = 1\r\n\r\n[[points]]\r\ndate = 2025-12-01\r\nvalue = 2\r\n",
			[]pt{{"2025-11-30", 1, 1, nil}, {"2025-12-01", 2, 5, nil}}},
		{"toml header spellings", "d/m.toml", "  [[ points ]]  # one\ndate = 2025-11-30\nvalue = 1\n[[\"points\"]]\ndate = 2025-12-01\nvalue = 2\n",
			[]pt{{"2025-11-30", 1, 1, nil}, {"2025-12-01", 2, 4, nil}}},
		{"toml offset date-time keeps the written date", "d/m.toml", "[[points]]\ndate = 2025-11-30T23:00:00-05:00\nvalue = 1\n",
			[]pt{{"2025-11-30", 1, 1, nil}}},
		{"toml multi-line string hides a header", "d/m.toml", "[[points]]\ndate = 2025-11-30\nvalue = 1\nnote = \"\"\"\n[[points]]\n\"\"\"\n[[points]]\ndate = 2025-12-01\nvalue = 2\n",
			[]pt{{"2025-11-30", 1, 1, map[string]string{"note": "[[points]]\n"}}, {"2025-12-01", 2, 7, nil}}},
		{"csv columns by name: segment, n, note, and one of its own", "d/m.csv", "date,value,Region,segment,n,note\n2025-11-30,41,north,all,1204,launch\n2025-11-30,38,north,business,96,\n",
			[]pt{{"2025-11-30", 41, 2, map[string]string{"region": "north", "segment": "all", "n": "1204", "note": "launch"}},
				{"2025-11-30", 38, 3, map[string]string{"region": "north", "segment": "business", "n": "96"}}}},
		{"csv segment column is not a note", "d/m.csv", "date,value,segment\n2025-11-30,1,all\n",
			[]pt{{"2025-11-30", 1, 2, map[string]string{"segment": "all"}}}},
		{"csv short names are never typos", "d/m.csv", "date,value,id,nps\n2025-11-30,1,7,x\n",
			[]pt{{"2025-11-30", 1, 2, map[string]string{"id": "7", "nps": "x"}}}},
		{"json n and a column of its own", "d/m.json", `[{"date": "2025-11-30", "value": 1, "n": 412, "channel": "app"}]`,
			[]pt{{"2025-11-30", 1, 1, map[string]string{"n": "412", "channel": "app"}}}},
		{"toml n and columns of its own", "d/m.toml", "[[points]]\ndate = 2025-11-30\nvalue = 1\nn = 412\nowner = 'Ann'\nwave = 3\n",
			[]pt{{"2025-11-30", 1, 1, map[string]string{"n": "412", "owner": "Ann", "wave": "3"}}}},
		{"toml inline tables", "d/m.toml", "points = [\n  {date = 2025-11-30, value = 1},\n  {date = 2025-12-01, value = 2},\n]\n",
			[]pt{{"2025-11-30", 1, 2, nil}, {"2025-12-01", 2, 3, nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := Read(tt.path, []byte(tt.src), Options{})
			for _, d := range ds {
				t.Errorf("unexpected diagnostic: %s", d)
			}
			if s == nil || s.Path != tt.path {
				t.Fatalf("series = %+v, want path %q", s, tt.path)
			}
			var want []Point
			for _, p := range tt.want {
				pt := Point{Date: day(p.date), Value: p.value, Line: p.line}
				for k, v := range p.cols {
					if msg := set(&pt, (&columns{}).kindOf(k), k, v); msg != "" {
						t.Fatalf("bad test: %s", msg)
					}
				}
				want = append(want, pt)
			}
			if got, w := dump(rows(s)), dump(want); got != w {
				t.Errorf("points:\n%s\nwant:\n%s", got, w)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	const (
		csvP  = "content/data/nps.csv"
		jsonP = "content/data/nps.json"
		tomlP = "content/data/nps.toml"
	)
	var fourteen strings.Builder // a bad value on line 14, column 12
	fourteen.WriteString("date,value\n")
	for d := 1; d <= 12; d++ {
		fmt.Fprintf(&fourteen, "2025-01-%02d,40\n", d)
	}
	fourteen.WriteString("2025-10-31,4l.2\n")

	noCSV := csvP + `: has no data points; add at least one row below a header row, such as "date,value" then "2025-11-30,41.2"`
	noJSON := jsonP + `: has no data points; add at least one point, such as [{"date": "2025-11-30", "value": 41.2}]`
	noTOML := tomlP + `: has no data points; add at least one point, such as a [[points]] table with date = 2025-11-30 and value = 41.2`
	const jsonHint = `{"date": "2025-11-30", "value": 41.2}`
	const tomlHint = "fix it so each point reads [[points]], date = 2025-11-30, value = 41.2"

	tests := []struct {
		name, path, src string
		want            []string
	}{
		// format and encoding
		{"unknown extension", "content/data/nps.xlsx", "date,value\n",
			[]string{`content/data/nps.xlsx: cannot read ".xlsx" files as metric data; save the data as .csv, .json or .toml`}},
		{"no extension", "content/data/nps", "date,value\n",
			[]string{`content/data/nps: cannot read files without an extension as metric data; save the data as .csv, .json or .toml`}},
		{"invalid utf-8", csvP, "date,value,note\n2025-11-30,1,caf\xe9\n",
			[]string{csvP + `:2:17: the file is not valid UTF-8 text (byte 0xE9); save it with UTF-8 encoding`}},
		{"invalid utf-8 json", jsonP, "[{\"date\":\"2025-11-30\",\"value\":1,\"note\":\"\xff\"}]",
			[]string{jsonP + `:1:41: the file is not valid UTF-8 text (byte 0xFF); save it with UTF-8 encoding`}},

		// empty
		{"csv empty file", csvP, "", []string{noCSV}},
		{"csv blank file", csvP, "\n \n\t\n", []string{noCSV}},
		{"csv header only", csvP, "date,value\n", []string{noCSV}},
		{"csv header and empty rows", csvP, "date,value\n,\n\n", []string{noCSV}},
		{"json empty file", jsonP, "", []string{noJSON}},
		{"json empty array", jsonP, "[ ]\n", []string{noJSON}},
		{"toml empty file", tomlP, "# nothing yet\n", []string{noTOML}},
		{"toml empty inline array", tomlP, "points = []\n", []string{noTOML}},

		// CSV header
		{"csv no value column", csvP, "date,score\n2025-11-30,1\n",
			[]string{csvP + `:1:1: the header has no "value" column; the first row must name the columns, such as date,value`}},
		{"csv misspelled value column", csvP, "date,valeu\n2025-11-30,1\n",
			[]string{csvP + `:1:6: the header has no "value" column; rename column "valeu" to "value"`}},
		{"csv misspelled date column", csvP, "Dato,value\n2025-11-30,1\n",
			[]string{csvP + `:1:1: the header has no "date" column; rename column "dato" to "date"`}},
		{"csv no header", csvP, "2025-11-30,41.2\n2025-12-01,42\n",
			[]string{csvP + `:1:1: the first row looks like data, not a header; add a header row such as date,value above it`}},
		{"csv semicolons", csvP, "date;value\n2025-11-30;41,2\n",
			[]string{csvP + `:1:1: the header separates its columns with semicolons; separate them with commas, such as date,value`}},
		{"csv tabs", csvP, "date\tvalue\n2025-11-30\t41.2\n",
			[]string{csvP + `:1:1: the header separates its columns with tabs or bars; separate them with commas, such as date,value`}},
		{"csv duplicate column", csvP, "date,value,Value\n2025-11-30,1,2\n",
			[]string{csvP + `:1:12: the header names column "value" twice (columns 2 and 3); give each column its own name`}},
		{"csv header with bad quote", csvP, "date,va\"lue\n2025-11-30,1\n",
			[]string{csvP + `:1:8: a double quote (") appears inside a field that does not start with one; put the whole field in double quotes and write the inner quote twice (""), or remove it`}},

		// CSV rows
		{"csv bad value on line 14", csvP, fourteen.String(),
			[]string{csvP + `:14:12: value "4l.2" is not a number; write a plain number such as 41.2`}},
		{"csv every bad row is reported", csvP, "date,value\n2025-13-01,1\n2025-11-30,x\n2025-12-01,2\n30/11/2025,\n",
			[]string{
				csvP + `:2:1: date "2025-13-01" is not a real calendar date; check the month (01-12) and the day`,
				csvP + `:3:12: value "x" is not a number; write a plain number such as 41.2`,
				csvP + `:5:1: date "30/11/2025" is not in YYYY-MM-DD form; write it like 2025-11-30`,
				csvP + `:5:12: value is empty; write a number such as 41.2, or remove the row`,
			}},
		{"csv empty date", csvP, "date,value\n,41\n",
			[]string{csvP + `:2:1: date is empty; write the date as YYYY-MM-DD, such as 2025-11-30`}},
		{"csv february 30", csvP, "date,value\n2025-02-30,41\n",
			[]string{csvP + `:2:1: date "2025-02-30" is not a real calendar date; check the month (01-12) and the day`}},
		{"csv one-digit month", csvP, "date,value\n2025-1-05,41\n",
			[]string{csvP + `:2:1: date "2025-1-05" is not in YYYY-MM-DD form; write it like 2025-11-30`}},
		{"csv time without offset", csvP, "date,value\n2025-11-30 10:00:00,41\n",
			[]string{csvP + `:2:1: date "2025-11-30 10:00:00" has a time but no UTC offset; write just the date, such as 2025-11-30`}},
		{"csv timestamp with impossible day", csvP, "date,value\n2025-11-31T10:00:00Z,41\n",
			[]string{csvP + `:2:1: date "2025-11-31T10:00:00Z" is not a real calendar date; check the month (01-12) and the day`}},
		{"csv not finite", csvP, "date,value\n2025-11-29,NaN\n2025-11-30,-Inf\n2025-12-01,1e999\n",
			[]string{
				csvP + `:2:12: value "NaN" is not a finite number; write a plain number such as 41.2, or remove the row`,
				csvP + `:3:12: value "-Inf" is not a finite number; write a plain number such as 41.2, or remove the row`,
				csvP + `:4:12: value "1e999" is too large to store; write an ordinary number such as 41.2`,
			}},
		{"csv percent, separators, decimal comma, hex", csvP, "date,value\n2025-11-27,41.2%\n2025-11-28,\"1,234.5\"\n2025-11-29,\"41,2\"\n2025-11-30,0x10\n",
			[]string{
				csvP + `:2:12: value "41.2%" is not a number; write it without the % sign, such as 41.2`,
				csvP + `:3:12: value "1,234.5" is not a number; write it without thousands separators, such as 1234.5`,
				csvP + `:4:12: value "41,2" is not a number; use a point as the decimal mark, such as 41.2`,
				csvP + `:5:12: value "0x10" is not a number; write a plain number such as 41.2`,
			}},
		{"csv duplicate date", csvP, "date,value\n2025-11-30,1\n2025-12-01,2\n2025-11-30,3\n",
			[]string{csvP + ":4:1: date 2025-11-30 appears twice; keep one row per date and delete or fix the other\n\t" +
				csvP + ":2: the first row with this date"}},
		{"csv duplicate date written as timestamp", csvP, "date,value\n2025-11-30,1\n2025-11-30T08:00:00Z,3\n",
			[]string{csvP + ":3:1: date 2025-11-30 appears twice; keep one row per date and delete or fix the other\n\t" +
				csvP + ":2: the first row with this date"}},
		{"csv too many fields", csvP, "date,value\n2025-11-30,41,2\n2025-12-01,42\n",
			[]string{csvP + `:2:15: this row has 3 fields but the header names 2 columns; remove the extra fields, or name the column in the header (a comma inside a value needs quotes around the value)`}},
		{"csv missing value field", csvP, "date,value\n2025-11-30\n",
			[]string{csvP + `:2:1: this row has 1 field but the header names 2 columns (date,value); add the missing value`}},
		{"csv missing date field", csvP, "value,segment,date\n41,SMB\n",
			[]string{csvP + `:2:4: this row has 2 fields but the header names 3 columns (value,segment,date); add the missing date`}},
		{"csv field in unnamed column", csvP, "date,value,\n2025-11-30,1,oops\n",
			[]string{csvP + `:2:14: this field is in column 3, which has no name in the header; name the column (such as segment) or remove the field`}},
		{"csv bare quote, then rows go on", csvP, "date,value\n2025-11-30,4\"1\n2025-12-01,x\n",
			[]string{
				csvP + `:2:13: a double quote (") appears inside a field that does not start with one; put the whole field in double quotes and write the inner quote twice (""), or remove it`,
				csvP + `:3:12: value "x" is not a number; write a plain number such as 41.2`,
			}},
		{"csv text after a closing quote", csvP, "date,value\n\"2025-11-30\"x,1\n",
			[]string{csvP + `:2:12: a quoted field is not closed properly; end it with a double quote (") right before the next comma, and write any quote inside it twice ("")`}},
		{"csv quote never closed", csvP, "date,value,note\n2025-11-30,1,\"oops\n2025-12-01,2,\n2025-12-02,3,\n",
			[]string{csvP + `:2:1: a quoted field in this row is not closed, so the lines after it were read as part of it; end the field with a double quote (")`}},
		{"csv crlf positions", csvP, "date,value\r\n2025-11-30,x\r\n",
			[]string{csvP + `:2:12: value "x" is not a number; write a plain number such as 41.2`}},
		{"csv columns counted in characters", csvP, "date,note,value\n2025-11-30,café ☕,x\n",
			[]string{csvP + `:2:19: value "x" is not a number; write a plain number such as 41.2`}},
		{"csv bom does not shift columns", csvP, "\uFEFFdate,valeu\n2025-11-30,1\n",
			[]string{csvP + `:1:6: the header has no "value" column; rename column "valeu" to "value"`}},

		// JSON
		{"json object instead of array", jsonP, `{"points": []}`,
			[]string{jsonP + `:1:1: the file holds an object; it must be a JSON array of points, such as [` + jsonHint + `]`}},
		{"json syntax error", jsonP, "[\n  {\"date\": \"2025-11-30\" \"value\": 41.2}\n]\n",
			[]string{jsonP + `:2:25: this is not valid JSON (invalid character '"' after object key:value pair); fix the punctuation here, each point is written like ` + jsonHint}},
		{"json trailing comma", jsonP, "[\n  {\"date\": \"2025-11-30\", \"value\": 41.2},\n]\n",
			[]string{jsonP + `:3:1: this is not valid JSON (invalid character ']' looking for beginning of value); fix the punctuation here, each point is written like ` + jsonHint}},
		{"json truncated", jsonP, "[\n  {\"date\": \"2025-11-30\", \"value\": 41.2}",
			[]string{jsonP + `:2:40: the file ends before the JSON is complete; close every open [, { and " (the whole file must be one array such as [` + jsonHint + `])`}},
		{"json text after the array", jsonP, "[{\"date\": \"2025-11-30\", \"value\": 41.2}]\nx\n",
			[]string{jsonP + `:2:1: this is not valid JSON (invalid character 'x' after top-level value); fix the punctuation here, each point is written like ` + jsonHint}},
		{"json numeric string value", jsonP, "[\n  {\"date\": \"2025-11-30\", \"value\": \"41.2\"}\n]",
			[]string{jsonP + `:2:35: value "41.2" is text in quotes, not a number; remove the quotes: "value": 41.2`}},
		{"json other bad values", jsonP, "[\n {\"date\": \"2025-11-28\", \"value\": \"4l.2\"},\n {\"date\": \"2025-11-29\", \"value\": null},\n {\"date\": \"2025-11-30\", \"value\": [1]},\n {\"date\": \"2025-12-01\", \"value\": \"\"},\n {\"date\": \"2025-12-02\", \"value\": \"NaN\"}\n]",
			[]string{
				jsonP + `:2:34: value "4l.2" is not a number; write a plain number such as 41.2`,
				jsonP + `:3:34: value is null; write a number such as "value": 41.2, or remove the point`,
				jsonP + `:4:34: value must be a number, not an array; write it like "value": 41.2`,
				jsonP + `:5:34: value is empty text; write a number such as "value": 41.2, or remove the point`,
				jsonP + `:6:34: value "NaN" is not a finite number; write a plain number such as 41.2, or remove the row`,
			}},
		{"json value too large", jsonP, `[{"date": "2025-11-30", "value": 1e400}]`,
			[]string{jsonP + `:1:34: value 1e400 is too large to store; write an ordinary number such as 41.2`}},
		{"json bad dates", jsonP, "[\n {\"date\": 20251130, \"value\": 1},\n {\"date\": \"30.11.2025\", \"value\": 1}\n]",
			[]string{
				jsonP + `:2:11: date must be text in quotes, not a number; write it like "date": "2025-11-30"`,
				jsonP + `:3:11: date "30.11.2025" is not in YYYY-MM-DD form; write it like 2025-11-30`,
			}},
		{"json missing fields", jsonP, "[\n {\"value\": 1},\n {\"date\": \"2025-11-30\"},\n {}\n]",
			[]string{
				jsonP + `:2:2: this point has no date; add one, such as "date": "2025-11-30"`,
				jsonP + `:3:2: this point has no value; add one, such as "value": 41.2`,
				jsonP + `:4:2: this point has no date; add one, such as "date": "2025-11-30"`,
				jsonP + `:4:2: this point has no value; add one, such as "value": 41.2`,
			}},
		{"json repeated key", jsonP, `[{"date": "2025-11-30", "value": 1, "Value": 2}]`,
			[]string{jsonP + `:1:37: this point has "Value" twice; keep only one`}},
		{"json item not an object", jsonP, "[\n 41.2,\n {\"date\": \"2025-11-30\", \"value\": 1}\n]",
			[]string{jsonP + `:2:2: this item is a number, not a point; write each point as ` + jsonHint}},
		{"json nested extra field, reported in column order", jsonP, `[{"meta": {"a": 1}, "value": 1}]`,
			[]string{
				jsonP + `:1:2: this point has no date; add one, such as "date": "2025-11-30"`,
				jsonP + `:1:11: field "meta" holds an object; besides date and value a point may only hold plain fields such as "segment": "business"; remove it or make it text`,
			}},
		{"json duplicate date", jsonP, "[\n {\"date\": \"2025-11-30\", \"value\": 1},\n {\"date\": \"2025-11-30\", \"value\": 2}\n]",
			[]string{jsonP + ":3:11: date 2025-11-30 appears twice; keep one row per date and delete or fix the other\n\t" +
				jsonP + ":2: the first row with this date"}},

		// TOML
		{"toml syntax error", tomlP, "[[points]]\ndate = 2025-11-30\nvalue = = 41.2\n",
			[]string{tomlP + `:3:9: this is not valid TOML (expected value but found '=' instead); ` + tomlHint}},
		{"toml repeated key", tomlP, "[[points]]\ndate = 2025-11-30\ndate = 2025-12-01\nvalue = 1\n",
			[]string{tomlP + `:3:1: this is not valid TOML (Key 'points.date' has already been defined); ` + tomlHint}},
		{"toml impossible date", tomlP, "[[points]]\ndate = 2025-13-01\nvalue = 1\n",
			[]string{tomlP + `:2:8: this is not valid TOML (invalid datetime: "2025-13-01"); ` + tomlHint}},
		{"toml numeric string value", tomlP, "[[points]]\ndate = 2025-11-30\nvalue = \"41.2\"\n",
			[]string{tomlP + `:3:9: value "41.2" is text in quotes, not a number; remove the quotes: value = 41.2`}},
		{"toml every bad point is reported", tomlP, "[[points]]\ndate = 2025-11-29T10:00:00\nvalue = nan\n\n[[points]]\ndate = 10:00:00\nvalue = true\n\n[[points]]\ndate = \"2025/11/30\"\nvalue = -inf\nsegment = 3\n",
			[]string{
				tomlP + `:2:8: date 2025-11-29T10:00:00 has a time but no UTC offset; write just the date, such as date = 2025-11-29`,
				tomlP + `:3:9: value nan is not a finite number; write a plain number such as 41.2, or remove the point`,
				tomlP + `:6:8: date 10:00:00 is a time of day, not a date; write it like date = 2025-11-30`,
				tomlP + `:7:9: value must be a number, not true or false; write it like value = 41.2`,
				tomlP + `:10:8: date "2025/11/30" is not in YYYY-MM-DD form; write it like 2025-11-30`,
				tomlP + `:11:9: value -inf is not a finite number; write a plain number such as 41.2, or remove the point`,
				tomlP + `:12:11: segment must be text in quotes, not a number; write it like segment = "business"`,
			}},
		{"toml misspelt key, reported once", tomlP, "[[points]]\ndate = 2025-11-30\nvalu = 1\nvalue = 1\nowner = \"Ann\"\n[[points]]\ndate = 2025-12-01\nvalue = 2\nvalu = 2\n",
			[]string{tomlP + `:3:1: column "valu" is not one shiftbook knows, nor one named in [data] columns of site.toml: did you mean "value"?`}},
		{"toml key in capitals", tomlP, "[[points]]\ndate = 2025-11-30\nvalue = 1\nSegment = 'x'\n",
			[]string{tomlP + `:4:1: key "Segment" must be written in lower case: segment`}},

		// The columns besides date and value.
		{"csv misspelt column", csvP, "date,value,segmnet\n2025-11-30,1,business\n",
			[]string{csvP + `:1:12: column "segmnet" is not one shiftbook knows, nor one named in [data] columns of site.toml: did you mean "segment"?`}},
		{"csv misspelt date or value column is a missing one", csvP, "date,valeu\n2025-11-30,1\n",
			[]string{csvP + `:1:6: the header has no "value" column; rename column "valeu" to "value"`}},
		{"csv n with decimals", csvP, "date,value,n\n2025-11-30,1,12.0\n",
			[]string{csvP + `:2:14: n "12.0" must be a whole number of responses; write it without the decimals, such as 12`}},
		{"csv n with an exponent", csvP, "date,value,n\n2025-11-30,1,1e2\n",
			[]string{csvP + `:2:14: n "1e2" must be a whole number of responses written in digits, such as 100`}},
		{"csv n a fraction", csvP, "date,value,n\n2025-11-30,1,0.4\n",
			[]string{csvP + `:2:14: n "0.4" must be a whole number of responses, such as 412; a share or an average belongs in value`}},
		{"csv n not a number", csvP, "date,value,n\n2025-11-30,1,many\n2025-12-01,1,\"1,204\"\n",
			[]string{
				csvP + `:2:14: n "many" is not a number; write the number of responses, such as 412, or leave it empty`,
				csvP + `:3:14: n "1,204" is not a number; write it without thousands separators, such as 1204`,
			}},
		{"csv n zero, negative, huge", csvP, "date,value,n\n2025-11-01,1,0\n2025-11-02,1,-3\n2025-11-03,1,9999999999\n",
			[]string{
				csvP + `:2:14: n is 0, but a value needs at least one response; write the number of responses, or remove the row`,
				csvP + `:3:14: n -3 is negative; write the number of responses, such as 412`,
				csvP + `:4:14: n 9999999999 is more responses than any survey has; write the number of responses, such as 412`,
			}},
		{"csv same date in one segment", csvP, "date,value,segment\n2025-11-30,1,all\n2025-11-30,2,business\n2025-11-30,3,business\n",
			[]string{csvP + ":4:1: date 2025-11-30 appears twice for segment \"business\"; keep one row per date and segment and delete or fix the other\n\t" +
				csvP + ":3: the first row with this date"}},
		{"csv empty and all are both everyone", csvP, "date,value,segment\n2025-11-30,1,\n2025-11-30,2,All\n",
			[]string{csvP + ":3:1: date 2025-11-30 appears twice; keep one row per date and delete or fix the other\n\t" +
				csvP + ":2: the first row with this date"}},
		{"csv segments without a row for everyone", csvP, "date,value,segment\n2025-11-30,1,consumer\n2025-11-30,2,business\n",
			[]string{csvP + `: every row names a segment ("consumer", "business"), so there is no value for everyone to lead the page with; add rows with segment "all" (or no segment) for the overall value of each date`}},
		{"json n", jsonP, `[{"date": "2025-11-30", "value": 1, "n": "12"}, {"date": "2025-12-01", "value": 1, "n": 12.5}, {"date": "2025-12-02", "value": 1, "n": true}]`,
			[]string{
				jsonP + `:1:42: n "12" is text in quotes, not a number; remove the quotes: "n": 12`,
				jsonP + `:1:89: n "12.5" must be a whole number of responses, such as 412; a share or an average belongs in value`,
				jsonP + `:1:136: n must be a whole number of responses, not true or false; write it like "n": 412`,
			}},
		{"json segment a number, misspelt note once", jsonP, "[\n{\"date\": \"2025-11-30\", \"value\": 1, \"segment\": 2, \"notes\": \"a\"},\n{\"date\": \"2025-12-01\", \"value\": 1, \"notes\": \"b\"}\n]",
			[]string{
				jsonP + `:2:47: segment must be text in quotes, not a number; write it like "segment": "business"`,
				jsonP + `:2:50: column "notes" is not one shiftbook knows, nor one named in [data] columns of site.toml: did you mean "note"?`,
			}},
		{"toml n", tomlP, "[[points]]\ndate = 2025-11-30\nvalue = 1\nn = 12.0\n[[points]]\ndate = 2025-12-01\nvalue = 1\nn = '12'\n[[points]]\ndate = 2025-12-02\nvalue = 1\nn = 0\n",
			[]string{
				tomlP + `:4:5: n 12.0 must be a whole number of responses; write it without the decimals: n = 12`,
				tomlP + `:8:5: n "12" is text in quotes, not a number; remove the quotes: n = 12`,
				tomlP + `:12:5: n is 0, but a value needs at least one response; write the number of responses, or remove the row`,
			}},
		{"toml unknown key holding a table", tomlP, "[[points]]\ndate = 2025-11-30\nvalue = 1\nmeta = { a = 1 }\n",
			[]string{tomlP + `:4:8: meta holds a table; besides date and value a point may only hold plain values such as segment = "business"; remove it or make it text`}},
		{"toml missing fields", tomlP, "[[points]]\ndate = 2025-11-30\n\n  [[points]]\nvalue = 1\n",
			[]string{
				tomlP + `:1:1: this point has no value; add a line such as value = 41.2 below [[points]]`,
				tomlP + `:4:3: this point has no date; add a line such as date = 2025-11-30 below [[points]]`,
			}},
		{"toml single table", tomlP, "[points]\ndate = 2025-11-30\nvalue = 1\n",
			[]string{tomlP + `:1:1: [points] is a single table; write [[points]] with double brackets above each point`}},
		{"toml keys outside points", tomlP, "date = 2025-11-30\nvalue = 1\n",
			[]string{
				tomlP + `:1:1: date is outside any [[points]] table; put a [[points]] line above each point's date and value`,
				tomlP + `:2:1: value is outside any [[points]] table; put a [[points]] line above each point's date and value`,
			}},
		{"toml unknown top level", tomlP, "title = \"NPS\"\n[meta]\nowner = \"x\"\n[[point]]\ndate = 2025-11-30\nvalue = 1\n",
			[]string{
				tomlP + `:1:1: unknown key "title"; a TOML data file holds only [[points]] tables, each with date and value; remove it`,
				tomlP + `:2:1: unknown table [meta]; a TOML data file holds only [[points]] tables, each with date and value; remove it`,
				tomlP + `:4:1: unknown name "point"; did you mean [[points]]?`,
			}},
		{"toml points not tables", tomlP, "points = [1, 2]\n",
			[]string{tomlP + `:1:1: points must hold tables, not a number; write each point as a [[points]] table with date and value`}},
		{"toml crlf positions", tomlP, "[[points]]\r\ndate = 2025-11-30\r\nvalue = 'x'\r\n",
			[]string{tomlP + `:3:9: value "x" is not a number; write a plain number such as 41.2`}},
		{"toml inline point positions", tomlP, "points = [\n  {date = 2025-11-30, value = 1},\n  {date = 2025-12-01, value = \"x\"},\n]\n",
			[]string{tomlP + `:3:31: value "x" is not a number; write a plain number such as 41.2`}},
		{"toml inline table over lines, strings hide brackets", tomlP, "points = [\n  {date = 2025-11-30,\n   value = \"x\"},\n  {date = 2025-12-01, note = \"a \\\" [[points]] # ,{\", value = \"y\"}, # c {\n]\n",
			[]string{
				tomlP + `:3:12: value "x" is not a number; write a plain number such as 41.2`,
				tomlP + `:4:62: value "y" is not a number; write a plain number such as 41.2`,
			}},
		{"toml duplicate date", tomlP, "[[points]]\ndate = 2025-11-30\nvalue = 1\n[[points]]\ndate = \"2025-11-30\"\nvalue = 2\n",
			[]string{tomlP + ":5:8: date 2025-11-30 appears twice; keep one row per date and delete or fix the other\n\t" +
				tomlP + ":1: the first row with this date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ds := Read(tt.path, []byte(tt.src), Options{})
			if s == nil {
				t.Fatal("Read returned a nil series")
			}
			var got []string
			for _, d := range ds {
				got = append(got, d.String())
				if d.Line > 0 && d.Source == "" && strings.TrimSpace(tt.src) != "" {
					t.Errorf("diagnostic without its source line: %s", d)
				}
			}
			if g, w := strings.Join(got, "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", g, w)
			}
		})
	}
}

// A bad row does not hide the good ones: they are returned, sorted.
// A column the site names is its own, not a misspelling of a known one.
func TestReadSiteColumns(t *testing.T) {
	src := []byte("date,value,notes,segmnet\n2025-11-30,1,a,b\n")
	if _, ds := Read("d/m.csv", src, Options{Columns: []string{"notes", "segmnet"}}); len(ds) > 0 {
		t.Errorf("site columns refused: %v", ds)
	}
	_, ds := Read("d/m.csv", src, Options{Columns: []string{"notes"}})
	if len(ds) != 1 || !strings.Contains(ds[0].Message, `did you mean "segment"?`) {
		t.Errorf("diagnostics = %v, want one for segmnet", ds)
	}
	f, _ := Read("d/m.json", []byte(`[{"date": "2025-11-30", "value": 1, "Notes": "a"}]`), Options{Columns: []string{"notes"}})
	if len(f.Points) != 1 || f.Points[0].Text("notes") != "a" || len(f.Columns) != 1 || f.Columns[0] != (Column{Name: "Notes", Key: "notes"}) {
		t.Errorf("json site column: %+v, columns %+v", f.Points, f.Columns)
	}
}

func TestReadKeepsGoodRows(t *testing.T) {
	s, ds := Read("d/m.csv", []byte("date,value\n2025-12-01,2\n2025-11-30,x\n2025-10-31,1\n2025-12-01,3\n"), Options{})
	if len(ds) != 2 {
		t.Fatalf("got %d diagnostics, want 2: %v", len(ds), ds)
	}
	want := []Point{{Date: day("2025-10-31"), Value: 1, Line: 4}, {Date: day("2025-12-01"), Value: 2, Line: 2}}
	if g, w := dump(s.Points), dump(want); g != w {
		t.Errorf("points:\n%s\nwant:\n%s", g, w)
	}
}

func TestReadCap(t *testing.T) {
	var b strings.Builder
	b.WriteString("date,value\n")
	for i := range 60 {
		fmt.Fprintf(&b, "2025-01-%02d,x%d\n", i%28+1, i)
	}
	_, ds := Read("d/m.csv", []byte(b.String()), Options{})
	if len(ds) != maxDiags {
		t.Fatalf("got %d diagnostics, want %d", len(ds), maxDiags)
	}
	last := ds[len(ds)-1]
	if last.Line != 51 {
		t.Errorf("last diagnostic at line %d, want 51", last.Line)
	}
	if n := last.Notes; len(n) != 1 || n[0] != "10 more problems in this file are not shown; fix these and check again" {
		t.Errorf("notes of the last diagnostic = %q", n)
	}
}

func TestReadGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".golden") {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			path := "content/data/" + filepath.Base(in)
			s, ds := Read(path, src, Options{})
			for _, d := range ds {
				t.Errorf("unexpected diagnostic: %s", d)
			}
			got := "path: " + s.Path + "\n" + columnsLine(s) + dump(rows(s))
			testfiles.Golden(t, in+".golden", []byte(got))
		})
	}
	if n < 4 {
		t.Errorf("found %d golden inputs under testdata, want at least 4", n)
	}
}

// columnsLine prints the columns of f and its segments.
func columnsLine(f *File) string {
	var b strings.Builder
	b.WriteString("columns:")
	for _, c := range f.Columns {
		fmt.Fprintf(&b, " %s (%s)", c.Name, c.Key)
	}
	b.WriteString("\nsegments:")
	for _, seg := range f.Segments {
		fmt.Fprintf(&b, " %q", seg.Name)
	}
	return b.String() + "\n"
}

// dump prints points one a line: date, value, line, extra fields.
func dump(ps []Point) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "%s %s line %d", p.Date.Format(time.RFC3339), strconv.FormatFloat(p.Value, 'g', -1, 64), p.Line)
		keys := append([]string{colSegment, colN, colNote}, slices.Sorted(maps.Keys(p.Extra))...)
		for _, k := range keys {
			if v := p.Text(k); v != "" {
				fmt.Fprintf(&b, " %s=%q", k, v)
			}
		}
		if p.Extra != nil && len(p.Extra) == 0 {
			b.WriteString(" (empty non-nil Extra)")
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// checkInvariants is what must hold for any input: no panic, every
// diagnostic inside the file, at most the cap, points sorted and sane.
func checkInvariants(t *testing.T, path string, src []byte) {
	t.Helper()
	s, ds := Read(path, src, Options{})
	if s == nil {
		t.Fatal("nil series")
	}
	lines := bytes.Count(src, []byte{'\n'}) + 1
	if len(ds) > maxDiags {
		t.Errorf("%d diagnostics, more than the cap of %d", len(ds), maxDiags)
	}
	for _, d := range ds {
		if d.Line < 0 || d.Line > lines || d.Col < 0 || (d.Line == 0 && d.Col != 0) {
			t.Errorf("diagnostic outside the file (%d lines): %#v", lines, d)
		}
		if d.Path != path || d.Message == "" {
			t.Errorf("bad diagnostic %#v", d)
		}
	}
	checkPoints := func(name string, pts []Point) {
		for i, p := range pts {
			if p.Line < 1 || p.Line > lines {
				t.Errorf("%s: point %d at line %d, outside the file (%d lines)", name, i, p.Line, lines)
			}
			if math.IsNaN(p.Value) || math.IsInf(p.Value, 0) {
				t.Errorf("%s: point %d has value %v", name, i, p.Value)
			}
			if p.Date.Location() != time.UTC || !p.Date.Equal(p.Date.Truncate(24*time.Hour)) {
				t.Errorf("%s: point %d date %v is not UTC midnight", name, i, p.Date)
			}
			if i > 0 && !pts[i-1].Date.Before(p.Date) {
				t.Errorf("%s: points %d and %d are not in strictly ascending date order: %v, %v", name, i-1, i, pts[i-1].Date, p.Date)
			}
			if p.N < 0 || p.N > maxN {
				t.Errorf("%s: point %d has n = %d", name, i, p.N)
			}
			if p.valueAt < -1 || p.valueAt > len(src) {
				t.Errorf("%s: point %d has its value at byte %d, outside the file", name, i, p.valueAt)
			}
		}
	}
	checkPoints("headline", s.Points)
	if len(s.Segments) > 0 {
		for _, p := range s.Points {
			if !forWhole(p.Segment) {
				t.Errorf("headline point of segment %q beside other segments", p.Segment)
			}
		}
	}
	segs := map[string]bool{}
	for _, seg := range s.Segments {
		if forWhole(seg.Name) || segs[seg.Name] || len(seg.Points) == 0 {
			t.Errorf("bad segment %q (seen before: %v, %d points)", seg.Name, segs[seg.Name], len(seg.Points))
		}
		segs[seg.Name] = true
		for _, p := range seg.Points {
			if p.Segment != seg.Name {
				t.Errorf("point of segment %q in segment %q", p.Segment, seg.Name)
			}
		}
		checkPoints("segment "+seg.Name, seg.Points)
	}
	keys := map[string]bool{}
	for _, c := range s.Columns {
		if c.Key != strings.ToLower(c.Key) || c.Key == colDate || c.Key == colValue || keys[c.Key] {
			t.Errorf("bad column %+v in %+v", c, s.Columns)
		}
		keys[c.Key] = true
	}
	if len(ds) == 0 && len(s.Points) == 0 {
		t.Error("no points and no diagnostic")
	}
	s2, ds2 := Read(path, src, Options{})
	if fmt.Sprint(ds) != fmt.Sprint(ds2) || dump(rows(s)) != dump(rows(s2)) || columnsLine(s) != columnsLine(s2) {
		t.Error("two reads of the same input differ")
	}
}
