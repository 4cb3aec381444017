// raw-reader: the CDI importer's copy of a raw disk image served over HTTP(S) (a vSphere flat
// extent on the datastore interface) into a volume's file. nbdkit's curl plugin and qemu-img
// convert, which the importer uses for images it must probe, cost twice the CPU for these bytes on
// two cores shared with the server: one GET, decrypted by Go's TLS and written around the page
// cache, is all a raw image needs.
//
// The request comes as one JSON line on stdin (never on the command line, where `ps` shows a
// session cookie or a password); stdin then stays open, and its end means the importer is gone,
// so the copy stops with it. Bytes read so far are printed on stdout, a line at a time, about
// twice a second. Blocks of zeros are not written, so the file stays as sparse as the disk. Exit 0
// means the file holds exactly the size asked for; otherwise stderr says why.
package main

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"syscall"
	"time"
	"unsafe"
)

type request struct {
	URL                string            `json:"url"`
	Headers            map[string]string `json:"headers"`
	CA                 string            `json:"ca"`
	InsecureSkipVerify bool              `json:"insecureSkipVerify"`
	BasicAuth          *struct {
		User     string `json:"user"`
		Password string `json:"password"`
	} `json:"basicAuth"`
	Target    string `json:"target"`
	SizeBytes int64  `json:"sizeBytes"`
}

const (
	// Bytes read from the body before they are written: large writes, few system calls.
	bufferBytes = 4 << 20
	// The granularity at which zeros are left unwritten, as qemu-img's sparse detection does.
	zeroBlockBytes = 64 << 10
	// O_DIRECT wants the memory, offset and length of a write aligned to the device's blocks.
	alignment        = 4096
	progressInterval = 500 * time.Millisecond
)

var zeros = make([]byte, zeroBlockBytes)

func main() {
	stdin := bufio.NewReader(os.Stdin)
	line, err := stdin.ReadBytes('\n')
	if err != nil {
		fail("no request on stdin: %v", err)
	}
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		fail("the request is not JSON: %v", err)
	}
	go func() {
		io.Copy(io.Discard, stdin)
		fail("the importer is gone")
	}()
	if err := copyImage(req); err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, format+"\n", args...)
	os.Exit(1)
}

func client(req request) (*http.Client, error) {
	config := &tls.Config{InsecureSkipVerify: req.InsecureSkipVerify}
	if req.CA != "" {
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM([]byte(req.CA)) {
			return nil, errors.New("the CA bundle holds no PEM certificate")
		}
		config.RootCAs = pool
	}
	// No proxy from the environment and no compression: the bytes come as the server has them.
	transport := &http.Transport{
		TLSClientConfig:    config,
		DisableCompression: true,
		ReadBufferSize:     256 << 10,
	}
	return &http.Client{Transport: transport}, nil
}

func get(req request) (io.ReadCloser, error) {
	httpClient, err := client(req)
	if err != nil {
		return nil, err
	}
	httpRequest, err := http.NewRequest(http.MethodGet, req.URL, nil)
	if err != nil {
		return nil, err
	}
	for name, value := range req.Headers {
		httpRequest.Header.Set(name, value)
	}
	if req.BasicAuth != nil {
		httpRequest.SetBasicAuth(req.BasicAuth.User, req.BasicAuth.Password)
	}
	response, err := httpClient.Do(httpRequest)
	if err != nil {
		// Go names the URL in the error; the importer's caller hides credentials a URL holds.
		return nil, err
	}
	if response.StatusCode != http.StatusOK {
		response.Body.Close()
		return nil, fmt.Errorf("GET %s answered %s", req.URL, response.Status)
	}
	if response.ContentLength >= 0 && response.ContentLength != req.SizeBytes {
		response.Body.Close()
		return nil, fmt.Errorf("the server has %d bytes where the disk holds %d", response.ContentLength, req.SizeBytes)
	}
	return response.Body, nil
}

// openTarget opens the file for writing around the page cache where the file system allows it
// (tmpfs before Linux 6.6 and some FUSE ones refuse O_DIRECT at open), and through it otherwise.
func openTarget(path string) (direct *os.File, buffered *os.File, err error) {
	buffered, err = os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return nil, nil, err
	}
	direct, err = os.OpenFile(path, os.O_WRONLY|syscall.O_DIRECT, 0)
	if errors.Is(err, syscall.EINVAL) {
		return nil, buffered, nil
	}
	if err != nil {
		buffered.Close()
		return nil, nil, err
	}
	return direct, buffered, nil
}

func alignedBuffer(size int) []byte {
	buffer := make([]byte, size+alignment)
	offset := (alignment - int(uintptr(unsafe.Pointer(&buffer[0]))%alignment)) % alignment
	return buffer[offset : offset+size]
}

func copyImage(req request) error {
	if req.SizeBytes < 0 {
		return errors.New("sizeBytes is negative")
	}
	body, err := get(req)
	if err != nil {
		return err
	}
	defer body.Close()
	direct, buffered, err := openTarget(req.Target)
	if err != nil {
		return err
	}
	defer buffered.Close()
	if direct != nil {
		defer direct.Close()
	}
	if err := buffered.Truncate(req.SizeBytes); err != nil {
		return err
	}
	buffer := alignedBuffer(bufferBytes)
	var read int64
	lastReport := time.Now()
	for read < req.SizeBytes {
		want := min(int64(len(buffer)), req.SizeBytes-read)
		n, err := io.ReadFull(body, buffer[:want])
		if err := writeData(direct, buffered, buffer[:n], read); err != nil {
			return err
		}
		read += int64(n)
		if time.Since(lastReport) >= progressInterval {
			fmt.Println(read)
			lastReport = time.Now()
		}
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			return fmt.Errorf("the server sent %d of the disk's %d bytes", read, req.SizeBytes)
		}
		if err != nil {
			return fmt.Errorf("reading the image after %d bytes: %w", read, err)
		}
	}
	// A server that sends more than the disk holds is not serving this disk.
	if n, _ := body.Read(buffer[:1]); n > 0 {
		return fmt.Errorf("the server sent more than the disk's %d bytes", req.SizeBytes)
	}
	fmt.Println(read)
	return nil
}

// writeData writes the runs of data in chunk (which starts at offset) and skips its zero blocks.
func writeData(direct, buffered *os.File, chunk []byte, offset int64) error {
	isZero := func(start int) bool {
		end := min(start+zeroBlockBytes, len(chunk))
		return bytes.Equal(chunk[start:end], zeros[:end-start])
	}
	for start := 0; start < len(chunk); {
		if isZero(start) {
			start += zeroBlockBytes
			continue
		}
		end := start + zeroBlockBytes
		for end < len(chunk) && !isZero(end) {
			end += zeroBlockBytes
		}
		end = min(end, len(chunk))
		if err := writeAt(direct, buffered, chunk[start:end], offset+int64(start)); err != nil {
			return err
		}
		start = end
	}
	return nil
}

// writeAt writes aligned bytes around the page cache and a disk's unaligned tail through it.
func writeAt(direct, buffered *os.File, data []byte, offset int64) error {
	if direct != nil && offset%alignment == 0 {
		aligned := len(data) - len(data)%alignment
		if aligned > 0 {
			if _, err := direct.WriteAt(data[:aligned], offset); err != nil {
				return err
			}
		}
		data, offset = data[aligned:], offset+int64(aligned)
	}
	if len(data) == 0 {
		return nil
	}
	_, err := buffered.WriteAt(data, offset)
	return err
}
