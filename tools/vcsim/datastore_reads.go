package main

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"path"
	"strings"
	"syscall"

	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/types"
)

// serveDatastoreReads answers GET and HEAD of a local datastore's files under /folder from the
// datastore's directory. The simulator's own handler finds the datastore through an in-process
// SOAP client (property collector, XML both ways, deep copies) on every request, and a disk is
// read in range requests of a few MiB: that lookup made this test vCenter spend about a third
// more CPU per GiB than serving the bytes, on the same cores as the copy it is measured against.
// Here the datastore is a walk of the inventory path dcPath/datastore/dsName; anything else (no
// dcPath or dsName, a vSAN datastore, an upload) goes to the simulator as before.
func serveDatastoreReads(model *simulator.Model, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Only a clean path: the credentials guard in front judges the path as the mux routes it
		// (cleaned), and /folder/../x is no datastore read; the mux redirects it like any other.
		if r.Method != http.MethodGet && r.Method != http.MethodHead ||
			!strings.HasPrefix(r.URL.Path, "/folder/") || path.Clean(r.URL.Path) != r.URL.Path {
			next.ServeHTTP(w, r)
			return
		}
		directory := localDatastoreDirectory(model, r.URL.Query().Get("dcPath"), r.URL.Query().Get("dsName"))
		if directory == "" {
			next.ServeHTTP(w, r)
			return
		}
		// As the simulator does: http.Dir keeps the path inside the directory.
		read := r.Clone(r.Context())
		read.URL.Path = strings.TrimPrefix(r.URL.Path, "/folder")
		if conn, ok := r.Context().Value(connKey{}).(*tls.Conn); ok {
			defer corked(conn)()
		}
		http.FileServer(http.Dir(directory)).ServeHTTP(w, read)
	})
}

type connKey struct{}

// rememberConn puts each connection in its requests' context (http.Server.ConnContext).
func rememberConn(ctx context.Context, conn net.Conn) context.Context {
	return context.WithValue(ctx, connKey{}, conn)
}

// corked sets TCP_CORK on the connection under TLS until the returned function runs: Go's TLS
// writes every 16 KiB record with its own write call, and corked the kernel sends them in full
// segments, so the reader on this host is woken per 64 KiB instead of per record.
func corked(conn *tls.Conn) func() {
	tcp, ok := conn.NetConn().(*net.TCPConn)
	if !ok {
		return func() {}
	}
	raw, err := tcp.SyscallConn()
	if err != nil {
		return func() {}
	}
	set := func(on int) {
		_ = raw.Control(func(fd uintptr) {
			_ = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_TCP, syscall.TCP_CORK, on)
		})
	}
	set(1)
	return func() { set(0) }
}

// localDatastoreDirectory is the directory of the datastore dsName in the datacenter at dcPath,
// or "" when either is not given, there is no such datastore, or it is not a plain local one.
func localDatastoreDirectory(model *simulator.Model, dcPath, dsName string) string {
	if dcPath == "" || dsName == "" || strings.Contains(dsName, "/") {
		return ""
	}
	registry := model.Map()
	found := registry.SearchIndex().FindByInventoryPath(
		&simulator.Context{Map: registry},
		&types.FindByInventoryPath{InventoryPath: path.Join(dcPath, "datastore", dsName)},
	)
	body, ok := found.(*methods.FindByInventoryPathBody)
	if !ok || body.Res == nil || body.Res.Returnval == nil {
		return ""
	}
	datastore, ok := registry.Get(*body.Res.Returnval).(*simulator.Datastore)
	if !ok || datastore.Summary.Type == string(types.HostFileSystemVolumeFileSystemTypeVsan) {
		return ""
	}
	return datastore.Summary.Url
}
