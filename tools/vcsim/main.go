// vcsim for the tests and benchmarks: the vSphere API simulator from govmomi around a VPX (vCenter)
// model whose size the flags choose, with what vCenter has and the simulator lacks: VM disks
// holding real images (disk_images.go), a datastore file path /folder that wants credentials
// (folder_auth.go) and read without a SOAP lookup per request (datastore_reads.go), and what libvirt's ESX driver reads (libvirt_compat.go). Prints the SDK URL on its first line, then serves until killed.
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"flag"
	"fmt"
	"log"
	"math/big"
	"net"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/vmware/govmomi/simulator"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:0", "address to listen on")
	datacenters := flag.Int("datacenters", 1, "datacenters")
	clusters := flag.Int("clusters", 1, "clusters per datacenter")
	hosts := flag.Int("hosts", 2, "hosts per cluster")
	standaloneHosts := flag.Int("standalone-hosts", 1, "hosts outside clusters per datacenter")
	vms := flag.Int("vms", 4, "VMs per resource pool (each cluster and standalone host has one)")
	datastores := flag.Int("datastores", 1, "datastores per datacenter")
	portgroups := flag.Int("portgroups", 1, "distributed portgroups per datacenter")
	username := flag.String("username", "user", "user name")
	password := flag.String("password", "pass", "password")
	diskMiB := flag.Int64("disk-mib", 16, "size of each VM's disk image in MiB")
	rawImages := rawImageFlag{}
	flag.Var(rawImages, "disk-image", "<VM name>=<raw disk image>: that VM's first disk holds the image (repeatable)")
	useTLS := flag.Bool("tls", false, "serve HTTPS with a self-signed certificate for 127.0.0.1 (the provider forms require https)")
	flag.Parse()

	model := simulator.VPX()
	model.Datacenter = *datacenters
	model.Cluster = *clusters
	model.ClusterHost = *hosts
	model.Host = *standaloneHosts
	model.Machine = *vms
	model.Datastore = *datastores
	model.Portgroup = *portgroups

	if *diskMiB < 1 {
		log.Fatal("-disk-mib must be at least 1")
	}
	if err := model.Create(); err != nil {
		log.Fatal(err)
	}
	if err := giveDisksImages(model, *diskMiB<<20, rawImages); err != nil {
		log.Fatal(err)
	}
	if err := writeVmxFiles(model); err != nil {
		log.Fatal(err)
	}
	// The session manager checks logins against the listen URL's user; without one it accepts any.
	model.Service.Listen = &url.URL{Host: *listen, User: url.UserPassword(*username, *password)}
	// With -tls the server presents a fresh self-signed certificate for 127.0.0.1 and localhost:
	// what a user meets with a lab vCenter, so "fetch certificate" and "skip validation" are real.
	// (Go's built-in test certificate is RSA-1024, which OpenSSL clients refuse as too weak.)
	if *useTLS {
		certificate, err := selfSignedCertificate()
		if err != nil {
			log.Fatal(err)
		}
		model.Service.TLS = &tls.Config{Certificates: []tls.Certificate{certificate}}
	} else {
		model.Service.TLS = nil
	}
	server := model.Service.NewServer()
	// NewServer starts serving at once, so the guard goes in before the URL is printed: until then
	// no client knows the port (with a fixed -listen, a request racing the start could slip by).
	server.Config.Handler = typeArrayItems(requireDatastoreCredentials(
		model.Service, serveDatastoreReads(model, server.Config.Handler), *username, *password))
	server.Config.ConnContext = rememberConn
	fmt.Println(server.URL.String())

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	<-signals
	server.Close()
	model.Remove()
}

// rawImageFlag collects -disk-image <VM name>=<file> values.
type rawImageFlag map[string]string

func (images rawImageFlag) String() string { return fmt.Sprint(map[string]string(images)) }

func (images rawImageFlag) Set(value string) error {
	name, file, ok := strings.Cut(value, "=")
	if !ok || name == "" || file == "" {
		return fmt.Errorf("want <VM name>=<raw disk image>, got %q", value)
	}
	images[name] = file
	return nil
}

// selfSignedCertificate makes an ECDSA P-256 certificate that is its own CA, valid for a day.
func selfSignedCertificate() (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 64))
	if err != nil {
		return tls.Certificate{}, err
	}
	now := time.Now()
	template := x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "vcsim.local", Organization: []string{"vcsim"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.ParseIP("127.0.0.1")},
	}
	der, err := x509.CreateCertificate(rand.Reader, &template, &template, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}
