package safety_test

import (
	"fmt"

	"signpost/bot/safety"
)

func ExampleChecker_Check() {
	c := safety.New([]string{"blue whale"})
	for _, msg := range []string{
		"knitting near me tomorrow",
		"my back is killing me",
		"everything feels too much",
		"idk i just dont wanna be here anymore",
		"doing the bluewhale thing",
	} {
		fmt.Println(c.Check(msg))
	}
	// Output:
	// none
	// none
	// concern
	// urgent
	// urgent
}
