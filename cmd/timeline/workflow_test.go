package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestPagesWorkflowNamesTheStoryOnce reads the GitHub Pages workflow:
// the story's folder is named once, at its top, and that one name is
// both what a push must change to publish the site again (the paths
// filter) and what the build reads (-src). A user who points it at
// their own story then gets a new site when they push new articles.
func TestPagesWorkflowNamesTheStoryOnce(t *testing.T) {
	const path = "../../.github/workflows/pages.yml"
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Env map[string]string `yaml:"env"`
		On  struct {
			Push struct {
				Paths []string `yaml:"paths"`
			} `yaml:"push"`
		} `yaml:"on"`
		Jobs map[string]struct {
			Steps []struct {
				Name string `yaml:"name"`
				Run  string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(raw, &wf); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	files := wf.Env["STORY_FILES"]
	folder, ok := strings.CutSuffix(files, "/**")
	if !ok || folder == "" {
		t.Fatalf("env STORY_FILES is %q, want the story's folder and /**", files)
	}
	if !slices.Contains(wf.On.Push.Paths, files) {
		t.Errorf("the paths filter %q does not take the story's files %q", wf.On.Push.Paths, files)
	}
	if n := strings.Count(string(raw), folder); n != 1 {
		t.Errorf("the story's folder %q is named %d times in the workflow, want once", folder, n)
	}
	var builds []string
	for _, job := range wf.Jobs {
		for _, step := range job.Steps {
			if strings.Contains(step.Run, "./cmd/timeline build") {
				builds = append(builds, step.Run)
			}
		}
	}
	// The shell's ${STORY_FILES%/\*\*} drops the "/**".
	if len(builds) != 1 || !strings.Contains(builds[0], `-src "${STORY_FILES%/\*\*}"`) {
		t.Errorf("the build steps %q do not read -src from STORY_FILES", builds)
	}
	if info, err := os.Stat(filepath.Join("../..", filepath.FromSlash(folder))); err != nil || !info.IsDir() {
		t.Errorf("the workflow's story folder %s is not in the repository: %v", folder, err)
	}
}
