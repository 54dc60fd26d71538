package series

import (
	"bytes"
	"fmt"
	"testing"
	"time"
)

// BenchmarkRead reads CSV files of 50,000, 100,000 and 200,000 daily
// rows: the time per file grows with the rows, not faster.
func BenchmarkRead(b *testing.B) {
	for _, rows := range []int{50000, 100000, 200000} {
		var src bytes.Buffer
		src.WriteString("date,value,note\n")
		day := time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -(rows - 1))
		for i := range rows {
			note := ""
			if i%100 == 0 {
				note = "campaign"
			}
			fmt.Fprintf(&src, "%s,%d.%d,%s\n", day.Format(time.DateOnly), 30+i%17, i%10, note)
			day = day.AddDate(0, 0, 1)
		}
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			b.SetBytes(int64(src.Len()))
			for b.Loop() {
				if s, diags := Read("content/data/big.csv", src.Bytes(), Options{}); len(diags) > 0 || len(s.Points) != rows {
					b.Fatal(diags)
				}
			}
		})
	}
}
