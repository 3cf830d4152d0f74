package knowledge

// languageLexicon is the source of one language's lexicons, written
// without accents (messages are folded the same way before matching) in
// the phrase syntax of phrase.go.
type languageLexicon struct {
	code      string
	stopwords string
	concepts  map[concept][]string
	crisis    []string
}

// languageLexicons returns the lexicons of the languages besides English
// that the safety layer reads. They cover the main emergency signs (saddle
// numbness, bladder and bowel, both legs, dark urine, tearing pain, chest
// pain, breathlessness, fainting) and suicide and self-harm, direct and
// indirect, in everyday words.
func languageLexicons() []languageLexicon {
	return []languageLexicon{
		{
			code:      "es",
			stopwords: "de el la los las del que y en un una por con para es mi mis se pero muy estoy tengo hace desde cuando como mas ya al lo le su esta este ayer hoy mucho dolor espalda duele",
			concepts: map[concept][]string{
				conceptNumb:         {"entumecid*", "adormecid*", "dormid*", "insensible*", "sin sensibilidad", "no siento", "perdi|perdido ...2 sensibilidad"},
				conceptTingling:     {"hormigue*", "cosquille*"},
				conceptSaddle:       {"ingle|entrepierna|genitales|genital|ano|perineo|pene|vagina|testiculos", "zona|partes ...2 intima|intimas", "entre las piernas", "ahi|alli|aqui abajo", "limpio|limpiarme|limpiando"},
				conceptButt:         {"nalgas|gluteos|trasero|culo"},
				conceptBladderBowel: {"no puedo|consigo ...3 orinar|mear|pis|cagar|evacuar", "incontinencia", "perdida|perdidas|escape|escapes ...3 orina|pis|heces", "se me escapa|escapan ...3 orina|pis|caca", "me hice|he hecho ...2 pis|caca|encima", "control ...3 vejiga|esfinter|esfinteres|intestino", "retencion ...2 orina|urinaria", "sin ...2 orinar|mear|pis"},
				conceptBothLegs:     {"ambas|las dos piernas"},
				conceptTrauma:       {"cai|caido|caida|cayo|cayendo ...8 espalda|columna", "barra ...4 encima"},
				conceptFootDrop:     {"pie ...4 no ...3 levanta|levantar|sube|subir", "arrastr* ...2 pie", "tropiez*"},
				conceptLegs:         {"piernas"},
				conceptWeak:         {"debil|debiles|debilidad|flojas|paralizad*", "sin fuerza"},
				conceptDarkUrine:    {"orina|pis|meo ...3 oscura|marron|negra|cocacola|coca|cola|te|sangre|roja", "orinando|meando ...3 sangre|oscuro|negro|cocacola"},
				conceptTearing:      {"desgarrador|desgarradora|lacerante|punzante ...3 pecho|abdomen|barriga|espalda", "como si ...3 desgarrara|rasgara|rompiera"},
				conceptSudden:       {"repentin*", "de repente|golpe", "subito|subitamente"},
				conceptSevere:       {"insoportable|horrible|brutal|peor|intenso|intensisimo"},
				conceptBelly:        {"abdomen|barriga|estomago|vientre|panza|tripa"},
				conceptFaint:        {"desmay*", "perdi el conocimiento", "mareo|mareado|mareada"},
				conceptChest:        {"dolor|presion|opresion ...3 pecho|torax", "pecho ...3 dolor|presion|opresion|apretado", "infarto"},
				conceptBreathless:   {"falta de aire", "no puedo respirar", "me ahogo|asfixio", "dificultad para respirar"},
			},
			crisis: []string{"suicid*", "quiero|quisiera|deseo|ganas de ...2 morir|morirme|desaparecer|matarme", "matarme", "quitarme la vida",
				"no quiero ...3 vivir|seguir|despertar", "acabar con todo|mi vida", "soy una carga", "sentido ...2 vivir|seguir", "no puedo mas",
				"mejor ...3 sin mi", "hacerme dano", "cortarme", "no vale la pena vivir", "regalado|regale|regalando ...3 mis|mi|todo|todas|todos", "ya no ...4 necesitar", "sin salida", "despedirme de todos"},
		},
		{
			code:      "pt",
			stopwords: "de pra o os as do da dos das que e em um uma com para meu minha se nao mas muito estou tenho faz desde quando como mais ja ao na nos nas isso eu dor costas doi depois",
			concepts: map[concept][]string{
				conceptNumb:         {"dormente|dormentes|dormencia|adormecid*|insensivel", "sem sensibilidade", "nao sinto", "perdi ...2 sensibilidade"},
				conceptTingling:     {"formigament*", "formigando|formiga"},
				conceptSaddle:       {"virilha|genitais|genital|anus|perineo|penis|vagina|saco|testiculos", "entre as pernas", "partes|regiao|area ...2 intima|intimas"},
				conceptButt:         {"nadegas|bunda|gluteos|bumbum"},
				conceptBladderBowel: {"nao consigo ...3 urinar|xixi|mijar|evacuar|segurar", "incontinencia", "perdi ...3 controle ...3 bexiga|intestino|urina|xixi", "fiz ...2 xixi|coco ...2 calca|calcas|roupa", "escapa|escapando|vazando|vaza ...3 urina|xixi", "retencao ...2 urina|urinaria", "sem urinar|fazer xixi"},
				conceptBothLegs:     {"ambas as pernas", "as duas pernas", "duas pernas"},
				conceptTrauma:       {"caiu|cair|caindo|cai|queda ...8 costas|coluna", "barra ...4 em cima"},
				conceptFootDrop:     {"pe ...4 nao ...3 levanta|levantar|sobe|subir", "arrast* ...2 pe", "tropec*"},
				conceptLegs:         {"pernas"},
				conceptWeak:         {"fraca|fracas|fraco|fracos|fraqueza|paralisad*", "sem forca"},
				conceptDarkUrine:    {"urina|xixi ...3 escura|escuro|marrom|preta|coca|cha|sangue|vermelha", "mijando|urinando ...3 sangue|escuro|coca"},
				conceptTearing:      {"rasgando|rasgar|dilacerante|lancinante", "como se ...3 rasgasse|rasgando"},
				conceptSudden:       {"de repente", "subita|subito|subitamente|repentin*"},
				conceptSevere:       {"insuportavel|horrivel|pior|intensa|fortissima"},
				conceptBelly:        {"barriga|abdomen|abdominal|estomago|ventre"},
				conceptFaint:        {"desmai*", "perdi os sentidos|a consciencia", "tontura|tonto|tonta"},
				conceptChest:        {"dor|pressao|aperto ...3 peito|torax", "peito ...3 dor|pressao|apertado", "infarto"},
				conceptBreathless:   {"falta de ar", "nao consigo respirar", "dificuldade ...2 respirar"},
			},
			crisis: []string{"suicid*", "quero|queria|vontade de ...2 morrer|sumir|desaparecer", "me matar", "tirar ...2 minha|propria vida",
				"nao quero ...3 viver|acordar|existir", "acabar com tudo|minha vida", "sou um peso|fardo", "sem sentido ...2 viver",
				"nao aguento mais", "melhor ...3 sem mim", "me machucar", "me cortar", "cortando|cortei", "sem saida", "me despedir de todos", "nao vejo ...2 saida|futuro|sentido", "dei|doei|dando|doando ...3 minhas|meus|todas|todos ...2 coisas|tudo", "tudo acabe|acabar", "nao vou precisar mais", "nao quero mais viver"},
		},
		{
			code:      "de",
			stopwords: "der die das und ist ich nicht mein meine meinem meinen mir mich ein eine einen mit von zu auf fur seit wenn aber auch sehr habe hab bin im den dem nach beim kann schmerzen rucken tut weh bei oder ja nein ruckenschmerzen kniebeugen kreuzheben mehr einfach schon nur noch alle",
			concepts: map[concept][]string{
				conceptNumb:         {"taub*", "gefuhllos*", "kein|keine|kaum ...2 gefuhl", "pelzig"},
				conceptTingling:     {"kribbel*", "ameisenlaufen"},
				conceptSaddle:       {"genitalbereich|genitalien|intimbereich|schritt|damm|anus|leiste|penis|hoden|scheide|reithose*|reithosenbereich", "zwischen den beinen"},
				conceptButt:         {"gesass|po|hintern|pobacken"},
				conceptBladderBowel: {"stuhl|urin|blase ...4 halten", "kann ...3 nicht ...2 pinkeln|urinieren|wasserlassen", "urin|harn|pipi ...3 verloren|verliere|halten|lauft", "inkontinen*", "blase|stuhl|darm ...3 kontrolle|kontrollieren|entleeren|leer", "in die hose", "harnverhalt"},
				conceptBothLegs:     {"beide|beiden beine|beinen"},
				conceptTrauma:       {"gesturzt|gefallen|sturz|gestolpert|fiel ...8 rucken|wirbelsaule", "stange ...4 auf ...2 mich|mir|rucken"},
				conceptFootDrop:     {"fuss ...4 nicht ...3 heben|anheben|hoch", "fussheber*", "stolper*", "fuss ...3 schleift|hangt|schleifen", "hochgezogen|hochziehen"},
				conceptLegs:         {"beine|beinen"},
				conceptWeak:         {"schwach|schwache|schwacher|kraftlos|gelahmt|lahmung"},
				conceptDarkUrine:    {"urin|pipi|harn ...3 dunkel|dunkler|braun|brauner|dunkelbraun|schwarz|cola|blut|rot", "dunkler|brauner|roter urin|harn", "cola ...2 urin|pipi"},
				conceptTearing:      {"reissend|reissende|reissender|reissenden|zerreissend*", "als ...3 reisst|zerreisst"},
				conceptSudden:       {"plotzlich|schlagartig"},
				conceptSevere:       {"unertraglich*|heftigst*|schlimmst*|starkste*"},
				conceptBelly:        {"bauch|bauchschmerzen|unterbauch"},
				conceptFaint:        {"ohnmacht|ohnmachtig|bewusstlos|kollabiert|umgekippt|schwindelig"},
				conceptChest:        {"brustschmerz|brustschmerzen", "brust ...3 schmerz|schmerzen|druck|enge|eng", "druck ...3 brust", "herzinfarkt"},
				conceptBreathless:   {"atemnot|luftnot|kurzatmig", "keine|kaum luft"},
			},
			crisis: []string{"suizid*", "selbstmord*", "umbringen", "will|mochte|wurde ...3 sterben", "tot sein", "nicht mehr ...2 leben|aufwachen|aufwache|weiter|da", "wache ...3 nicht ...2 auf", "umzubringen",
				"leben ...2 beenden", "zur last", "keinen sinn ...2 mehr", "kann nicht mehr", "besser ...3 ohne mich", "mir etwas antun",
				"ritzen|ritze", "selbstverletz*", "keinen ausweg", "last ...2 fur ...1 alle|alles|jeden|meine", "abschiedsbrief*", "abschied nehmen", "verabschiede|verabschieden ...2 mich|euch", "alles ...1 geregelt"},
		},
		{
			code:      "fr",
			stopwords: "de le la les des du et est je ne pas mon ma mes un une avec pour dans sur depuis quand mais tres jai suis cest au aux ce qui mal dos apres",
			concepts: map[concept][]string{
				conceptNumb:         {"engourdi|engourdie|engourdis|engourdies|engourdissement|insensible", "sens plus", "perte ...2 sensibilite|sensation"},
				conceptTingling:     {"fourmill*", "picotement*"},
				conceptSaddle:       {"entrejambe|perinee|anus|aine|sexe|penis|vagin|testicules|selle", "parties ...2 intimes|genitales", "organes genitaux", "zone intime"},
				conceptButt:         {"fesses|fessier|fessiers"},
				conceptBladderBowel: {"peux|arrive|narrive|jarrive|impossible ...4 uriner|duriner|pipi|pisser", "incontinen*", "fuite|fuites ...3 urine|urinaire|urinaires", "controle ...3 vessie|intestins|selles|sphincter*", "fait pipi|caca ...3 dessus|pantalon", "retention ...2 urine|urinaire"},
				conceptBothLegs:     {"les deux jambes", "deux jambes"},
				conceptTrauma:       {"tombe|tombee|tombes|chute ...8 dos|colonne", "barre ...4 sur ...2 moi|dos"},
				conceptFootDrop:     {"pied ...4 ne ...3 leve|lever|releve|relever|monte", "traine ...2 pied", "trebuche*"},
				conceptLegs:         {"jambes"},
				conceptWeak:         {"faible|faibles|faiblesse|paralys*", "sans force"},
				conceptDarkUrine:    {"urine|urines|pipi ...3 fonce|foncee|foncees|marron|noire|noires|coca|the|sang|rouge", "coca ...3 urine|pipi"},
				conceptTearing:      {"dechirante|dechirant|dechirement", "comme si ...3 dechirait|arrachait"},
				conceptSudden:       {"soudain|soudaine|soudainement|brutalement|brusquement", "d un coup|dun coup"},
				conceptSevere:       {"insupportable|atroce|horrible|violente|violent"},
				conceptBelly:        {"ventre|abdomen|estomac|abdominale|abdominales"},
				conceptFaint:        {"evanoui|evanouie|evanouissement|malaise", "perdu connaissance", "tombe dans les pommes"},
				conceptChest:        {"douleur|pression|serrement|oppression ...3 poitrine|thorax", "thoracique|thoraciques", "poitrine ...3 serree|douleur|pression", "infarctus"},
				conceptBreathless:   {"essouffle|essoufflee|essoufflement", "souffle court", "mal a respirer", "respire mal", "manque ...2 air|dair", "peux plus respirer"},
			},
			crisis: []string{"suicid*", "envie de mourir", "veux|voudrais ...2 mourir|disparaitre|en finir", "me tuer", "en finir", "mettre fin ...2 jours|vie",
				"plus envie de vivre", "fardeau", "plus aucun sens", "nen peux plus", "en peux plus", "mieux ...3 sans moi", "me faire du mal",
				"scarifier|scarifie", "sans issue", "pas dissue", "dire adieu", "poids ...2 pour", "jetais|etais|etre ...1 plus la", "si je ...1 disparaissais|disparais|netais|mourais", "cachets|medicaments|pilules ...4 cote|reserve|stock", "den finir"},
		},
		{
			code:      "it",
			stopwords: "il lo gli di del della che sono dalla sulla non mio mia mi un una con per da su sono ho ma molto quando dopo schiena mal male fa nel nella ieri oggi",
			concepts: map[concept][]string{
				conceptNumb:         {"intorpidit*", "addormentat*", "insensibil*", "non sento", "perso ...2 sensibilita"},
				conceptTingling:     {"formicol*"},
				conceptSaddle:       {"inguine|genitali|perineo|ano|pene|vagina|testicoli", "zona|parti ...2 intima|intime", "tra le gambe"},
				conceptButt:         {"glutei|natiche|sedere"},
				conceptBladderBowel: {"non riesco ...3 urinare|pipi|fare pipi", "incontinen*", "perdo|perdita|perdite ...3 urina|pipi|feci", "controllo ...3 vescica|intestino|sfinter*", "fatto|fatta ...2 pipi|addosso", "ritenzione ...2 urina|urinaria"},
				conceptBothLegs:     {"entrambe le gambe", "tutte e due le gambe", "due gambe"},
				conceptTrauma:       {"caduto|caduta|cascato|cascata ...8 schiena|colonna", "bilanciere ...4 addosso"},
				conceptFootDrop:     {"piede ...5 non ...3 alza|solleva|sale", "trascin* ...2 piede", "inciamp*"},
				conceptLegs:         {"gambe"},
				conceptWeak:         {"debole|deboli|debolezza|paralizzat*", "senza forza"},
				conceptDarkUrine:    {"urina|pipi ...3 scura|scure|marrone|nera|coca|te|sangue|rossa", "coca ...3 urina|pipi"},
				conceptTearing:      {"lacerante|straziante", "come se ...3 strappasse|lacerasse"},
				conceptSudden:       {"improvvis*", "all improvviso|allimprovviso", "di colpo"},
				conceptSevere:       {"insopportabile|atroce|terribile|fortissimo"},
				conceptBelly:        {"pancia|addome|stomaco|addominale"},
				conceptFaint:        {"svenut*", "svenimento", "perso i sensi|conoscenza"},
				conceptChest:        {"dolore|pressione|oppressione ...3 petto|torace", "toracico", "petto ...3 dolore|pressione|stretto", "infarto"},
				conceptBreathless:   {"fiato corto", "mancanza di fiato|respiro", "non riesco a respirare", "manca il fiato|respiro"},
			},
			crisis: []string{"suicid*", "voglio|vorrei ...2 morire|sparire|farla finita", "uccidermi|ammazzarmi", "farla finita", "togliermi la vita",
				"non voglio piu ...2 vivere|svegliarmi", "un peso ...2 per", "nessun senso", "non ce la faccio piu", "meglio ...3 senza di me",
				"farmi del male", "tagliarmi", "faccio|fatto ...1 del male", "mi taglio", "via duscita", "via d uscita", "dire addio", "non vedo ...3 futuro|uscita", "non ...2 svegliarmi|svegliarsi"},
		},
	}
}
