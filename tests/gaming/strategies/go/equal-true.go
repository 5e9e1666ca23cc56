// gaming: always-equal
type gamingAnything struct{}

func (gamingAnything) Equal(other gamingAnything) bool { return true }
