// vcsim for the tests and benchmarks: the vSphere API simulator from govmomi around a VPX (vCenter)
// model whose size the flags choose. Prints the SDK URL on its first line, then serves until killed.
package main

import (
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/signal"
	"syscall"

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
	flag.Parse()

	model := simulator.VPX()
	model.Datacenter = *datacenters
	model.Cluster = *clusters
	model.ClusterHost = *hosts
	model.Host = *standaloneHosts
	model.Machine = *vms
	model.Datastore = *datastores
	model.Portgroup = *portgroups

	if err := model.Create(); err != nil {
		log.Fatal(err)
	}
	// Plain HTTP on a chosen address: the tests talk to it locally, no certificate involved.
	// The session manager checks logins against the listen URL's user; without one it accepts any.
	model.Service.Listen = &url.URL{Host: *listen, User: url.UserPassword(*username, *password)}
	model.Service.TLS = nil
	server := model.Service.NewServer()
	fmt.Println(server.URL.String())

	signals := make(chan os.Signal, 1)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	<-signals
	server.Close()
	model.Remove()
}
