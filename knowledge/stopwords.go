package knowledge

// stopwordList returns the words that carry no topic for the ranker. Words
// that do matter for back pain stay searchable even when they are common
// elsewhere: "back", "down", "out", "over", "off", "both", "again",
// "why", "how", "still", "one", "too", "much". The safety layer reads every
// word, stopwords included.
func stopwordList() []string {
	return []string{
		"a", "about", "up", "last", "once", "across", "guess", "let", "lets", "maybe", "probably", "set", "sets", "sorta", "stuff", "super", "today", "tomorrow", "tonight", "yesterday", "always", "basically", "completely", "fully", "honestly", "literally", "sometimes", "totally", "usually", "around", "because", "bc", "cause", "cuz", "like", "made", "make", "makes", "making", "since", "someone", "somebody", "until", "above", "actually", "after", "all", "also", "am", "an", "and", "any", "anyone",
		"anything", "are", "as", "at", "be", "been", "being", "bit", "bro", "but", "by", "can", "cant",
		"could", "did", "do", "does", "doing", "dont", "even", "ever", "for", "from", "get", "gets",
		"getting", "go", "going", "got", "guys", "had", "has", "have", "having", "he", "her", "here",
		"hey", "him", "his", "i", "id", "if", "ill", "im", "in", "into", "is", "isnt", "it", "its", "ive",
		"just", "kind", "kinda", "know", "lol", "me", "might", "mine", "more", "most", "my",
		"myself", "nah", "no", "not", "now", "of", "ok", "okay", "on", "or", "other", "our", "pls", "plz",
		"please", "pretty", "quite", "really", "rn", "she", "should", "so", "some", "something", "sort",
		"such", "than", "that", "thats", "the", "their", "them", "then", "there", "these", "they", "thing",
		"things", "think", "this", "those", "tho", "though", "to", "u", "ur", "us", "very", "w", "was",
		"way", "we", "were", "what", "whats", "when", "where", "which", "while", "who", "whos", "will",
		"with", "without", "would", "ya", "yeah", "yes", "yet", "you", "youre", "your", "yours",
	}
}
