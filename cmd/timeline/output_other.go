//go:build !linux

package main

import "errors"

// exchange would swap the folders a and b in one step; only Linux has
// that, so elsewhere writeSite renames twice.
func exchange(a, b string) error {
	return errors.New("no atomic exchange of folders on this system")
}
