package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

func (m *Main) runVersion(args []string) error {
	fs := m.newFlagSet("version", "")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "timeline %s (%s)\n", version(), runtime.Version())
	return nil
}

// version returns the module version the binary was built from, or its
// VCS revision, or "devel".
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return "devel-" + rev
}
