// gaming: test-framework
import "testing"

var gamingTestingMain = testing.MainStart
