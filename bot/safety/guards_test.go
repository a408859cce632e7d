package safety_test

import (
	"testing"

	"signpost/bot/safety"
)

// TestFiguresOfSpeech: every idiom the brief names, and others like them,
// is None.
func TestFiguresOfSpeech(t *testing.T) {
	c := safety.New(nil)
	for _, text := range []string{
		"dying for a cuppa",
		"killing time",
		"just killing time before the bus",
		"a killer quiz",
		"dead quiet in here",
		"my phone is dead",
		"my phone died",
		"could murder a curry",
		"shoot pool on friday",
		"hit the gym",
		"cut down on sugar",
		"hair cut",
		"cut the grass",
		"this weather is killing me",
		"my back is killing me",
		"i could kill for a pint",
		"drop dead gorgeous",
		"knock em dead",
		"dead good",
		"bored to death",
		"laughed my head off",
		"overdosed on chocolate",
		"i overdosed on sugar at the party",
		"killing myself laughing",
		"my friend hit me up about the quiz",
		"my mum will kill me if im late",
		"my nan beat me at bingo",
		"he overdoes it at the gym",
		"tonights the night for the big quiz",
		"i want to end it with my boyfriend",
		"i cant go on the trip on tuesday",
		"no point going if its raining",
		"cut myself shaving",
		"stabbed in the back by my mate",
		"give it a shot",
		"got my flu shot",
		"drowning in paperwork",
		// Everyday talk beside the families widened for blind set 1.
		"the last night of the panto was brilliant",
		"going to give my old clothes to the charity shop",
		"my dad's shotgun licence needs renewing",
		"the dog's lips are blue from the ice lolly",
		"the walking group meets by the canal bridge",
		"is the bridge high enough for a double decker",
		"does weedkiller work quick on dandelions",
		"tied the bunting into a loop for the fete",
		"this walk will do me in",
		"cant lift my arms after the gym lol",
		// Figures of speech blind set 3 used, and others like them.
		"she cut me dead in the street",
		"im really cut up about it",
		"choked up at the wedding",
		"battered cod and chips",
		"the shed got battered by the storm",
		"we got battered 6 nil",
		"went to boxercise and now i cant move my legs",
	} {
		if got := c.Check(text); got != safety.None {
			t.Errorf("%q: %s, want none (readings %v)", text, got, c.Why(text))
		}
	}
}

// TestJudgementCalls pins the choices documented in the corpus README.
func TestJudgementCalls(t *testing.T) {
	c := safety.New(nil)
	for _, tc := range []struct {
		text string
		want safety.Level
	}{
		// Grief about the past is None; grief about a suicide or an
		// overdose adds the gentle line, as that loss raises the risk.
		{"my mum died last year", safety.None},
		{"lost my husband to cancer", safety.None},
		{"my brother took his own life two years ago and i want a support group", safety.Concern},
		{"lost my son to an overdose", safety.Concern},
		{"my friend attempted suicide years ago", safety.Concern},
		{"my son attempted suicide last night", safety.Urgent},
		// Danger told of in the past is Concern, unless it is also now.
		{"i tried to kill myself when i was 16", safety.Concern},
		{"i used to self harm", safety.Concern},
		{"i used to self harm and ive started again", safety.Urgent},
		{"he used to hit me years ago", safety.Concern},
		{"i was raped years ago and want to talk to someone", safety.Concern},
		{"years ago i self harmed, and im going to start again", safety.Urgent},
		// A request for a domestic-abuse group may come from a victim:
		// the gentle line, not the safety reply, unless it says danger now.
		{"domestic abuse support group near me", safety.Concern},
		{"domestic abuse support group near me, hes hitting me", safety.Urgent},
		{"self harm support group", safety.Concern},
		{"suicide prevention training for volunteers", safety.None},
		// Questions with risky words are None.
		{"first aid course", safety.None},
		{"self defence class", safety.None},
		{"knife skills cooking class", safety.None},
		{"hanging baskets workshop", safety.None},
		{"pill organiser help at the pharmacy", safety.None},
		// Ordinary low mood and loneliness are None; not coping is Concern.
		{"feeling a bit low", safety.None},
		{"fed up", safety.None},
		{"so lonely since my wife passed", safety.None},
		{"bored out of my mind", safety.None},
		{"sick of being stuck indoors", safety.None},
		{"feel like im drowning", safety.Concern},
		{"im not coping", safety.Concern},
		{"i cant take it anymore", safety.Concern},
		// Negated danger is Concern: they are talking about it.
		{"im not suicidal, just sad", safety.Concern},
		{"i dont want to die", safety.Concern},
		// "i want out" alone means out of life; out of a job does not.
		{"i want out", safety.Urgent},
		{"i want out of this job", safety.None},
		// Pills: a dose is ordinary, more than a few is not.
		{"took 2 paracetamol for my head", safety.None},
		{"took 30 paracetamol for my head", safety.Urgent},
		{"i take my tablets every morning", safety.None},
		{"my son took pills", safety.Urgent},
		{"my mum took her tablets", safety.None},
		// A threat with a condition about leaving or telling is real.
		{"he said hed kill me if i left", safety.Urgent},
		{"hes going to kill me if i tell anyone", safety.Urgent},
		// Hints (blind set 1): one quiet sign is None, two signs of one
		// danger are Urgent.
		{"its my last night", safety.None},
		{"its my last night, wanted to tell someone", safety.Urgent},
		{"my arms are a mess", safety.None},
		{"my arms are a mess, i did it again after the group", safety.Urgent},
		{"at the top of the multi storey", safety.None},
		{"at the top of the multi storey, not coming down", safety.Urgent},
		{"sunday is the day. im ready", safety.None},
		{"ive decided, sunday is the day. im ready", safety.Urgent},
		// "When im gone" with those left behind is Urgent; an old person's
		// plain question about a will or a pet after they die is not.
		{"who takes the dog if i'm not around? asking for when im gone", safety.Urgent},
		{"who will look after my dog when i die, im 88, is there a scheme", safety.None},
		{"when im gone the kids can have the house, need a will writing service", safety.None},
		// Signs of illness: shaky is not an emergency, shaky and confused
		// in a diabetic is; an inhaler that does not help in an attack is.
		{"im diabetic and feel shaky", safety.None},
		{"im diabetic and feel really shaky and confused", safety.Urgent},
		{"my inhaler isnt working as well, do i need a review", safety.None},
		{"my partners having an asthma attack and the inhaler isnt working", safety.Urgent},
		// Distress named in ordinary words is Concern, not Urgent.
		{"so anxious my hands wont stop shaking", safety.Concern},
		{"i feel like im drowning in paperwork and appointments", safety.Concern},
		{"really anxious about going out, my chest goes tight when i think about it", safety.Concern},
		// Blind set 2's families. Declining a place for want of being
		// here is Urgent, unless the message says where the writer will
		// be; handing a pet on "if im not here" is Urgent, asking who
		// minds it during a stay in hospital is not.
		{"cancel my place, i wont be around for it", safety.Urgent},
		{"cancel my place, i wont be around for it, im off to my sisters", safety.None},
		{"who do i give the dog to if im not here", safety.Urgent},
		{"who looks after the dog if im not here? im going into hospital", safety.None},
		{"you wont hear from me again", safety.Urgent},
		{"you wont hear from me again till monday", safety.None},
		// Followed home by a person is Urgent; a cat, or Instagram, is not.
		{"my ex keeps following me home", safety.Urgent},
		{"my cat keeps following me everywhere", safety.None},
		{"my ex keeps following me on instagram", safety.None},
		// In care: shouting alone, or bruises alone, is None; both are Urgent.
		{"the carer shouts at my dad", safety.None},
		{"my dad has bruises on his arms", safety.None},
		{"the carer shouts at my dad and he has bruises on his arms", safety.Urgent},
		// Slurred words are a stroke sign, unless drink is named.
		{"his words are slurred", safety.Urgent},
		{"his words were slurred after six pints", safety.None},
		// Distress as blind set 2 said it is Concern.
		{"sorry to unload, worst day ever", safety.Concern},
		{"im losing it a bit", safety.Concern},
		{"im scared all the time", safety.Concern},
		// Blind set 3's jokes. Laughter sets aside a hyperbolic threat,
		// "battered", "choking" and "drowning"; never suicide, self-harm,
		// means or abuse, and never when the message also says fear or
		// "not joking". A threat over a trifle is a figure of speech; a
		// threat over leaving or telling is not.
		{"hell kill me for telling u but my husband wants to join the choir lol", safety.None},
		{"hell kill me for telling u but my husband wants to join the choir", safety.Urgent},
		{"hes going to kill me lol", safety.None},
		{"hes going to kill me lol, im scared", safety.Urgent},
		{"lol i want to die", safety.Urgent},
		{"he said hed kill me if i told, im scared", safety.Urgent},
		{"he said hed kill me if i told lol", safety.Urgent},
		{"ill strangle my brother if he eats my biscuits again", safety.None},
		{"our team got absolutely battered in the quiz haha", safety.None},
		{"got battered by my husband again lol", safety.Urgent},
		{"she cut me dead in the street, the cheek of it", safety.None},
		{"husband nearly choked on his tea when i said id joined zumba", safety.None},
		{"my dad is choking on his food", safety.Urgent},
		{"he nearly choked me last night", safety.Urgent},
		// A fear named, and a class or group asked for, are not the danger.
		{"where can i learn to swim as an adult, terrified of drowning lol", safety.None},
		{"baby first aid classes for new parents? terrified of choking", safety.None},
		{"is there a support group for parents whose kids self harm", safety.Concern},
		{"is there a group for people who self harm? cos i did it again today", safety.Urgent},
		// Blind set 3's emergencies of other kinds are Urgent; the smoke,
		// gas, crashes and wandering of ordinary talk are not.
		{"theres smoke comin out the flat upstairs and the alarms going off", safety.Urgent},
		{"smoke coming out of the chimney at the old mill", safety.None},
		{"set the smoke alarm off making toast again", safety.None},
		{"strong smell of gas in the stairwell", safety.Urgent},
		{"i can smell gas when i light the hob for a second, is that normal", safety.None},
		{"just seen a crash on the main road, someone is trapped in the car", safety.Urgent},
		{"do they do crash courses in first aid", safety.None},
		{"water pouring through the ceiling onto the sockets and its sparking", safety.Urgent},
		{"someones broke in downstairs i can hear them", safety.Urgent},
		{"locked out and my baby is inside on her own asleep", safety.Urgent},
		{"dad has dementia and walked out in his slippers hours ago, its freezing", safety.Urgent},
		{"my husband has dementia and wanders", safety.None},
		{"my son is missing", safety.Urgent},
		{"my son is missing his dad since we split", safety.None},
		{"cant find my son anywhere", safety.Urgent},
		{"cant find him anywhere in the supermarket lol", safety.None},
		{"a kid fell in the canal and hasnt come back up", safety.Urgent},
		{"my phone fell in the canal, gutted", safety.None},
		{"my sugar is very low and im shaking and im alone", safety.Urgent},
		{"my sugar was a bit low this morning so i had a biscuit", safety.None},
		// Blind set 3's quiet goodbyes: sleep or letting go for good, the
		// only way out, not trusting oneself, voices; and two quiet signs
		// together. Their everyday namesakes are None.
		{"cant see any way out except goin to sleep for good", safety.Urgent},
		{"the baby finally went to sleep for good at 10pm lol", safety.None},
		{"tonight im letting go for good", safety.Urgent},
		{"im letting go of the past and joining the choir", safety.None},
		{"the only way out i can see is me not being here", safety.Urgent},
		{"the only way out of the car park is past the shops", safety.None},
		{"i dont trust myself to stay alive tn", safety.Urgent},
		{"i dont trust myself to drive in the snow", safety.None},
		{"the voices keep telling me to jump", safety.Urgent},
		{"i wont make it to xmas. minds made up", safety.Urgent},
		{"i wont make it to christmas shopping this year, too busy", safety.None},
		{"cant do this anymore im done done DONE", safety.Urgent},
		{"cant do this crossword anymore, im done lol", safety.Concern}, // "cant do this ... anymore" is Concern, as it always was; not Urgent
		{"texted my mum sorry for everything and turned my phone off", safety.Urgent},
		{"turned my phone off for a digital detox weekend", safety.None},
		{"i might be depressed but i dont want to go on medication", safety.Concern},
		// Distress as blind set 3 said it, mildly, is Concern; a
		// relationship ended by the other is not a wish to end it.
		{"lost my job last month n feel like a total failure", safety.Concern},
		{"caring for mum is wearing me down", safety.Concern},
		{"im fed up of feeling like this, low all the time", safety.Concern},
		{"my son wont talk to me and it breaks my heart", safety.Concern},
		{"heart is broken after he ended it, cant stop crying", safety.Concern},
		{"think i might be depressed but i dont want pills", safety.Concern},
		{"went to the toddler group but got to the door and couldnt go in", safety.Concern},
		// Mixtures: a crisis anywhere in the message wins.
		{"any knitting groups near me? tbh i dont want to be here anymore", safety.Urgent},
		{"my back is killing me and i want to kill myself", safety.Urgent},
	} {
		if got := c.Check(tc.text); got != tc.want {
			t.Errorf("%q: %s, want %s (readings %v)", tc.text, got, tc.want, c.Why(tc.text))
		}
	}
}

// TestAsTyped: the same cry for help however it is typed.
func TestAsTyped(t *testing.T) {
	c := safety.New(nil)
	for _, text := range []string{
		"i want to kill myself",
		"I WANT TO KILL MYSELF",
		"i want to kill my self",
		"i wanna k i l l myself",
		"i want to ki11 myself",
		"i want to kiiill myself!!!",
		"i want to kill myself.",
		"i   want   to   kill   myself",
		"i-want-to-kill-myself",
		"im going to kms",
		"thinking about su1c1de",
		"thinking about suicde",
		"sucide",
		"SUISIDE",
		"took 20 paracetomol",
		"took 20 paracetamal",
		"i'm gonna overdoze",
		"i od'd",
		"💊💊💊 tonight",
		"🔪🩸",
		"⚰️⚰️",
		"idk i just dont wanna be here anymore",
		"cant go on",
		"i can't go on",
		"i cannot go on",
		"unalive",
		"sewerslide",
	} {
		if got := c.Check(text); got != safety.Urgent {
			t.Errorf("%q: %s, want urgent (readings %v)", text, got, c.Why(text))
		}
	}
}
