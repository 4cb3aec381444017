// govmomi-baseline: the reference our vSphere collector's full sync is measured against. It does
// what the collector does (login, a ContainerView over the root folder for the requested types,
// one property filter, WaitForUpdatesEx until an update set is not truncated), but with govmomi's
// own SOAP client and typed decoding. Reads the property requests ([{type, paths}]) as JSON on
// stdin, takes the password from VSPHERE_PASSWORD so it stays off the command line, and prints
// {"elapsedMs", "objects", "heapBytes"} as JSON: heapBytes is Go's live heap after a collection
// while the decoded update sets are still held, which is what a cache of them would cost.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"runtime"
	"time"

	"github.com/vmware/govmomi"
	"github.com/vmware/govmomi/property"
	"github.com/vmware/govmomi/view"
	"github.com/vmware/govmomi/vim25/methods"
	"github.com/vmware/govmomi/vim25/types"
)

type propertyRequest struct {
	Type  string   `json:"type"`
	Paths []string `json:"paths"`
}

type result struct {
	ElapsedMs float64 `json:"elapsedMs"`
	Objects   int     `json:"objects"`
	HeapBytes uint64  `json:"heapBytes"`
}

// The collector's WaitForUpdatesEx options, so both sides page the first update set alike.
const maxWaitSeconds = 10
const maxObjectUpdates = 10000

func main() {
	sdkURL := flag.String("url", "", "the SDK URL, e.g. https://vcenter/sdk")
	username := flag.String("username", "", "user name")
	insecure := flag.Bool("insecure", false, "skip TLS certificate verification")
	flag.Parse()

	var requests []propertyRequest
	if err := json.NewDecoder(os.Stdin).Decode(&requests); err != nil {
		log.Fatalf("reading the property requests from stdin: %v", err)
	}
	u, err := url.Parse(*sdkURL)
	if err != nil || u.Host == "" {
		log.Fatalf("-url %q is not a URL", *sdkURL)
	}
	u.User = url.UserPassword(*username, os.Getenv("VSPHERE_PASSWORD"))

	ctx := context.Background()
	started := time.Now()
	client, err := govmomi.NewClient(ctx, u, *insecure)
	if err != nil {
		log.Fatalf("login: %v", err)
	}
	updateSets, objects, err := syncInventory(ctx, client, requests)
	if err != nil {
		log.Fatalf("sync: %v", err)
	}
	elapsed := time.Since(started)
	_ = client.Logout(ctx)
	runtime.GC()
	var memory runtime.MemStats
	runtime.ReadMemStats(&memory)
	runtime.KeepAlive(updateSets)

	if err := json.NewEncoder(os.Stdout).Encode(result{
		ElapsedMs: float64(elapsed.Microseconds()) / 1000,
		Objects:   objects,
		HeapBytes: memory.HeapAlloc,
	}); err != nil {
		log.Fatal(err)
	}
}

// syncInventory reads every requested object once and returns the update sets and how many
// objects entered the filter.
func syncInventory(ctx context.Context, client *govmomi.Client, requests []propertyRequest) ([]*types.UpdateSet, int, error) {
	typeNames := make([]string, len(requests))
	propSet := make([]types.PropertySpec, len(requests))
	for i, request := range requests {
		typeNames[i] = request.Type
		propSet[i] = types.PropertySpec{Type: request.Type, PathSet: request.Paths}
	}
	containerView, err := view.NewManager(client.Client).CreateContainerView(
		ctx, client.ServiceContent.RootFolder, typeNames, true)
	if err != nil {
		return nil, 0, fmt.Errorf("CreateContainerView: %w", err)
	}
	collector := property.DefaultCollector(client.Client)
	_, err = collector.CreateFilter(ctx, types.CreateFilter{
		Spec: types.PropertyFilterSpec{
			PropSet: propSet,
			ObjectSet: []types.ObjectSpec{{
				Obj:  containerView.Reference(),
				Skip: types.NewBool(true),
				SelectSet: []types.BaseSelectionSpec{&types.TraversalSpec{
					SelectionSpec: types.SelectionSpec{Name: "view"},
					Type:          "ContainerView",
					Path:          "view",
					Skip:          types.NewBool(false),
				}},
			}},
		},
		PartialUpdates: false,
	})
	if err != nil {
		return nil, 0, fmt.Errorf("CreateFilter: %w", err)
	}

	var updateSets []*types.UpdateSet
	seen := map[types.ManagedObjectReference]struct{}{}
	version := ""
	for {
		wait := int32(maxWaitSeconds)
		response, err := methods.WaitForUpdatesEx(ctx, client.Client, &types.WaitForUpdatesEx{
			This:    collector.Reference(),
			Version: version,
			Options: &types.WaitOptions{MaxWaitSeconds: &wait, MaxObjectUpdates: maxObjectUpdates},
		})
		if err != nil {
			return nil, 0, fmt.Errorf("WaitForUpdatesEx: %w", err)
		}
		updateSet := response.Returnval
		if updateSet == nil {
			continue // the wait timed out before the first update set
		}
		updateSets = append(updateSets, updateSet)
		version = updateSet.Version
		for _, filterUpdate := range updateSet.FilterSet {
			for _, objectUpdate := range filterUpdate.ObjectSet {
				if objectUpdate.Kind == types.ObjectUpdateKindEnter {
					seen[objectUpdate.Obj] = struct{}{}
				}
			}
		}
		if updateSet.Truncated == nil || !*updateSet.Truncated {
			return updateSets, len(seen), nil
		}
	}
}
