package envoi

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sync"
	"time"
)

// record is one line of envoi.jsonl. A bundle's key is its content hash plus
// the server URL: the same file sent to another server is another send, and
// a regenerated file with other content is a new bundle.
type record struct {
	Time     time.Time     `json:"t"`
	Key      string        `json:"cle"`
	File     string        `json:"fichier"`
	Hash     string        `json:"empreinte"`
	Server   string        `json:"serveur"`
	Mode     Mode          `json:"mode"`
	State    State         `json:"etat"`
	Doubt    bool          `json:"doute,omitempty"` // echec: the last attempt may have been committed
	Attempts int           `json:"tentatives,omitempty"`
	HTTP     int           `json:"http,omitempty"`
	Entries  []EntryResult `json:"entrees,omitempty"`
	Issues   []Issue       `json:"problemes,omitempty"`
	Err      string        `json:"erreur,omitempty"`
}

func journalKey(hash, server string) string { return hash + " " + server }

// journal is the append-only log of sends. Every line is fsynced before the
// sender goes on, so that after a crash the last line of a bundle tells the
// truth: "envoye" without a later line means the outcome is unknown.
type journal struct {
	mu   sync.Mutex
	f    *os.File
	last map[string]record
}

// openJournal reads the existing lines (a torn last line from a crash is
// ignored) and opens the file for appending. An empty path gives a journal
// that remembers nothing; a dry run only reads it.
func openJournal(path string, dryRun bool) (*journal, error) {
	j := &journal{last: map[string]record{}}
	if path == "" {
		return j, nil
	}
	if dryRun {
		f, err := os.Open(path)
		if errors.Is(err, fs.ErrNotExist) {
			return j, nil
		}
		if err == nil {
			defer f.Close()
			_, err = j.load(f)
		}
		if err != nil {
			return nil, fmt.Errorf("lecture du journal %s : %w", path, err)
		}
		return j, nil
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("ouverture du journal %s : %w", path, err)
	}
	torn, err := j.load(f)
	if err == nil && torn {
		// Start the next record on its own line, after the torn bytes.
		_, err = f.Write([]byte("\n"))
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lecture du journal %s : %w", path, err)
	}
	j.f = f
	return j, nil
}

// load fills last; torn reports a file not ending with a newline.
func (j *journal) load(r io.Reader) (torn bool, err error) {
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadBytes('\n')
		if len(line) > 0 {
			torn = line[len(line)-1] != '\n'
			var rec record
			if json.Unmarshal(line, &rec) == nil && rec.Key != "" {
				j.last[rec.Key] = rec
			}
		}
		if err == io.EOF {
			return torn, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// lookup is the last record of a key (zero record when none).
func (j *journal) lookup(key string) record {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.last[key]
}

// write appends and syncs one record.
func (j *journal) write(rec record) error {
	rec.Time = time.Now().UTC()
	line, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("journal : %w", err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.last[rec.Key] = rec
	if j.f == nil {
		return nil
	}
	if _, err := j.f.Write(append(line, '\n')); err != nil {
		return fmt.Errorf("écriture du journal : %w", err)
	}
	if err := j.f.Sync(); err != nil {
		return fmt.Errorf("synchronisation du journal : %w", err)
	}
	return nil
}

func (j *journal) close() error {
	if j.f == nil {
		return nil
	}
	return j.f.Close()
}
