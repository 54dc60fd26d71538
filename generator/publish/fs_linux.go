package publish

import (
	"os"

	"golang.org/x/sys/unix"
)

// writeFile is os.WriteFile without an os.File around the descriptor: for
// thousands of small pages, registering each file with the runtime's poller
// (which refuses regular files anyway) is a third of the syscalls.
func writeFile(name string, data []byte) error {
	fd, err := unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
	if err != nil {
		return &os.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &os.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// removeEmptyDir removes a folder known to be one: os.Remove would first
// try to unlink it as a file, a failed syscall for each of thousands.
func removeEmptyDir(dir string) { unix.Rmdir(dir) }
