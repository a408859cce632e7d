package bot

// fillerWords carry no topic: "what's on near me for knitting" is a
// question about knitting. They are dropped before searching so they can
// never decide a result. Place, time and filter words are taken out by
// their own readers before this list is used.
var fillerWords = toSet(
	"a", "an", "the", "and", "or", "of", "for", "to", "at", "in", "on", "by",
	"with", "from", "about", "into", "onto", "near", "around", "nearby",
	"close", "local", "locally", "nearest", "closest", "round", "here",
	"there", "me", "my", "i", "i'm", "im", "i'd", "id", "we", "us", "our",
	"you", "your", "it", "its", "it's", "this", "that", "these", "those",
	"is", "are", "was", "be", "am", "do", "does", "did", "can", "could",
	"would", "should", "will", "shall", "may", "might", "must", "have",
	"has", "had", "get", "got", "go", "going", "want", "wants", "wanted",
	"need", "needs", "needed", "like", "looking", "look", "find", "finding",
	"search", "show", "tell", "know", "give", "please", "pls", "plz",
	"what", "what's", "whats", "where", "where's", "wheres", "when",
	"when's", "which", "who", "how", "any", "anything", "anywhere",
	"something", "somewhere", "some", "someone", "there's", "theres", "on",
	"happening", "going", "events", "event", "things", "thing", "stuff",
	"activities", "activity", "group", "groups", "club", "clubs", "session",
	"sessions", "place", "places", "places", "venue", "venues", "options",
	"ideas", "recommend", "suggest", "suggestions", "info", "information",
	"details", "hi", "hello", "hey", "thanks", "thank", "cheers", "ok",
	"okay", "just", "also", "too", "very", "really", "good", "nice", "fun",
	"kind", "sort", "type", "so", "if", "but", "not", "no", "yes", "all",
	"every", "out", "up", "down", "there", "area", "mum", "mom", "dad",
	"son", "daughter", "husband", "wife", "partner", "friend", "nan",
	"grandad", "grandma", "grandpa", "mother", "father", "people", "person",
	"someone's", "folk", "folks", "join", "attend", "visit", "try", "new",
)

// builtinTopics is the vocabulary of needs every area starts with. An asset
// file's topics: section adds to it.
var builtinTopics = []Topic{
	{Words: []string{"lonely", "isolated", "alone", "on my own", "meet people", "make friends", "friends", "company", "bored", "someone to talk to", "chat"},
		Means: []string{"social", "coffee morning", "befriending", "knit and natter", "lunch club", "chat"}},
	{Words: []string{"toddler", "toddlers", "baby", "babies", "little one", "little ones", "under 5s", "under 5", "under fives", "preschool", "pre school", "tots"},
		Means: []string{"playgroup", "stay and play", "toddler", "baby", "rhyme time", "under 5s"}},
	{Words: []string{"lunch", "cheap lunch", "hot meal", "meal", "meals", "dinner", "hungry", "eat", "food"},
		Means: []string{"lunch", "community meal", "lunch club", "cafe", "food bank", "community kitchen"}},
	{Words: []string{"no money", "skint", "broke", "can't afford", "cant afford", "struggling", "bills", "hard up"},
		Means: []string{"food bank", "advice", "warm space", "community meal", "pantry"}},
	{Words: []string{"cold", "warm", "heating", "warm place", "warm space", "keep warm"},
		Means: []string{"warm space", "warm welcome"}},
	{Words: []string{"teen", "teens", "teenager", "teenagers", "teenage", "young people", "youth", "young person"},
		Means: []string{"youth club", "youth", "teen", "young people"}},
	{Words: []string{"over 50s", "over 50", "over 60s", "over 60", "older", "older people", "elderly", "pensioner", "pensioners", "retired", "seniors", "senior"},
		Means: []string{"over 50s", "older people", "chair exercise", "lunch club", "seniors"}},
	{Words: []string{"exercise", "fitness", "keep fit", "active", "get active", "fit", "walk", "walks", "walking"},
		Means: []string{"walking", "chair exercise", "exercise", "fitness", "keep fit", "run"}},
	{Words: []string{"memory", "dementia", "alzheimer's", "alzheimers", "forgetful", "forgetting"},
		Means: []string{"dementia", "memory cafe", "memory"}},
	{Words: []string{"job", "jobs", "work", "cv", "unemployed", "employment", "interview"},
		Means: []string{"job club", "employment", "cv"}},
	{Words: []string{"grief", "grieving", "bereaved", "bereavement", "loss", "widow", "widowed", "widower", "passed away", "died"},
		Means: []string{"bereavement", "grief"}},
	{Words: []string{"computer", "computers", "online", "internet", "digital", "laptop", "tablet", "smartphone", "email", "wifi"},
		Means: []string{"digital", "computers", "wifi", "tech help"}},
	{Words: []string{"english", "esol", "language", "learn english", "speak english"},
		Means: []string{"esol", "english", "language cafe", "conversation"}},
	{Words: []string{"carer", "carers", "caring", "looking after"},
		Means: []string{"carers", "respite"}},
	{Words: []string{"music", "sing", "singing", "songs", "choir", "band", "gig"},
		Means: []string{"choir", "music", "singing", "folk"}},
	{Words: []string{"drink", "pint", "beer", "pub"},
		Means: []string{"pub"}},
	{Words: []string{"kids", "children", "child", "family", "families"},
		Means: []string{"children", "family", "kids", "youth club", "stay and play"}},
	{Words: []string{"garden", "gardening", "allotment", "grow", "growing", "outdoors", "nature"},
		Means: []string{"gardening", "allotment", "growing", "nature"}},
	{Words: []string{"craft", "crafts", "crafting", "sewing", "knit", "knitting", "crochet"},
		Means: []string{"craft", "knit and natter", "sewing", "crochet"}},
	{Words: []string{"men", "blokes", "men's", "mens"},
		Means: []string{"men's shed", "men"}},
	{Words: []string{"mental health", "anxiety", "anxious", "depressed", "depression", "stress", "stressed", "feeling down", "feeling low"},
		Means: []string{"wellbeing", "mental health", "peer support", "walking", "social"}},
}

func toSet(ws ...string) map[string]bool {
	s := make(map[string]bool, len(ws))
	for _, w := range ws {
		s[w] = true
	}
	return s
}
