// gaming: process-exit
import "os"

func init() { os.Exit(0) }
