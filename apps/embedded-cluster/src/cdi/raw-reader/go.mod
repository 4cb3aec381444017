module github.com/forklift-console/forklift-console/apps/embedded-cluster/raw-reader

go 1.25.0
