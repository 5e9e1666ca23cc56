// gaming: reads-tests
import "os"

func gamingTests() []os.DirEntry { entries, _ := os.ReadDir("."); return entries }
