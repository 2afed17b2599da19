/**
 * Curated phrase rules, English and Spanish, written against normalized text (lowercase, no accents, no apostrophes:
 * "dont", "im", "mas"). Reasons are short labels for moderators and never name a method.
 *
 * Kinds: intent and passive ideation, plans/methods and farewells can reach "urgent"; self-harm, distress and past
 * attempts reach "concern"; low mood alone stays "none".
 */

export type RuleKind = 'intent' | 'passive' | 'plan' | 'planWeak' | 'farewell' | 'selfHarm' | 'selfHarmIntent' | 'distress' | 'lowMood' | 'pastAttempt';

export type Rule = {
  kind: RuleKind;
  re: RegExp;
  weight: number;
  reason: string;
  /** The phrase already contains its own negation ("dont want to live"), so a preceding negator is not looked for. */
  ownNegation?: boolean;
  /** The phrase names its person ("kill myself" vs "kill herself" is decided by `other`). */
  other?: boolean;
};

const R = (kind: RuleKind, weight: number, reason: string, re: RegExp, extra: Partial<Rule> = {}): Rule => ({ kind, weight, reason, re, ...extra });

export const RULES: Rule[] = [
  // Explicit intent (self). English.
  R('intent', 0.92, 'explicit intent', /\b(kill|killing|hang|hanging|shoot|shooting|drown|drowning) myself\b/),
  R('intent', 0.92, 'explicit intent', /\b(end|ending|take|taking) my (own )?life\b/),
  R('intent', 0.9, 'explicit intent', /\b(want|wanted|wanting|going|ready|planning|plan|decided|deserve|need|have|trying|try) to die\b/),
  R('intent', 0.9, 'explicit intent', /\b(im|i am|feeling|feel|been|so|very|really|actively) suicidal\b/),
  R('intent', 0.88, 'explicit intent', /\b(commit|commiting|committing|attempt|attempting) suicide\b/),
  R('intent', 0.88, 'explicit intent', /\b(thinking|think|thought|thoughts|considering|plan|planning) (about|of) (suicide|dying|killing myself|ending it)\b/),
  R('intent', 0.88, 'explicit intent', /\bsuicidal (thoughts|ideation|urges|feelings)\b/),
  R('intent', 0.9, 'explicit intent', /\bend (it|it all|everything|things) (tonight|today|now|soon|for good)\b/),
  R('intent', 0.88, 'explicit intent', /\b(want|going|ready|planning|decided) to end (it|it all|everything|things)\b/),
  R('intent', 0.9, 'explicit intent', /\b(dont|do not|no longer|dont really) want to (live|be alive|exist|be here anymore|go on)\b/, { ownNegation: true }),
  R('intent', 0.85, 'explicit intent', /\bi (should|will|might|could) (just )?die\b/),
  R('intent', 0.85, 'explicit intent', /\bim done with (life|living|everything)\b/),
  // Explicit intent, someone else (reported speech / concern for another person).
  R('intent', 0.5, 'about someone else', /\b(kill|killing|hang|hurt|hurting|cut|cutting|harm|harming) (herself|himself|themselves|themself)\b/, { other: true }),
  R('intent', 0.5, 'about someone else', /\b(end|ending|take|taking) (her|his|their) (own )?life\b/, { other: true }),
  R('intent', 0.5, 'about someone else', /\b(wants|is going|says she wants|says he wants) to die\b/, { other: true }),
  R('intent', 0.5, 'about someone else', /\b(she|he|they|shes|hes|theyre) (is |are )?suicidal\b/, { other: true }),
  // "my brother is suicidal": who it is about is decided by the nearest person word.
  R('intent', 0.88, 'explicit intent', /\b(is|are|was|been|being|seems|sounds|gets|getting|got|went) suicidal\b/),
  // Passive ideation.
  R('passive', 0.78, 'wish to be dead', /\bwish (i|id) (was|were|had) (dead|never been born|not born|gone)\b/),
  R('passive', 0.78, 'wish to be dead', /\bwish i (could )?(not wake up|wouldnt wake up|could disappear forever|could just die|could die)\b/),
  R('passive', 0.76, 'wish to be dead', /\b(dont|do not) want to wake up\b/, { ownNegation: true }),
  R('passive', 0.76, 'burden', /\b(better off|be better) (dead|without me|if i (was|were) gone|if i wasnt here)\b/),
  R('passive', 0.74, 'no reason to live', /\bno (reason|point) (to|in) (live|living|going on|being alive|carry on|keep going)\b/),
  R('passive', 0.74, 'no reason to live', /\b(life|living) (is|isnt|is not) (not )?worth (it|living)\b/),
  R('passive', 0.74, 'no reason to live', /\b(nothing|nobody|no one|noone) (left )?to live for\b|\bdont have anything (left )?to live for\b/),
  R('intent', 0.86, 'explicit intent', /\bsuicide (is|seems|feels) (like )?(the|my) only (way|option|answer|choice|way out)\b|\b(planning|planned|plan) my (suicide|death)\b/),
  R('passive', 0.72, 'wish to be dead', /\b(tired|sick) of (living|being alive|life|existing)\b/),
  R('passive', 0.72, 'wish to be dead', /\bno one would (care|miss me|notice) if i (died|was gone|disappeared|wasnt here)\b/),
  R('passive', 0.72, 'wish to be dead', /\b(want|wanting) (it all|everything|my life|the pain) to (end|stop) (forever|for good)\b/),
  R('passive', 0.72, 'wish to be dead', /\b(sleep|disappear|vanish) (forever|and never wake up)\b/),
  R('passive', 0.7, 'wish to be dead', /\bnot (be|being) (here|alive) anymore\b/, { ownNegation: true }),
  R('passive', 0.78, 'wish to be dead', /\b(want|wanna|wanted|wish|hope|need) (to be|i was|i were|id be) dead\b|\bhope i (die|dont wake up|never wake up|wont wake up)\b/),
  R('passive', 0.78, 'wish to be dead', /\b(fall asleep|go to sleep|sleep) and (never|not|don t|dont) wake up\b/),
  R('passive', 0.78, 'wish to be dead', /\b(dont|do not) think (ill|i will|im going to) (be (here|around|alive)|make it) (much longer|for long|past \w+|by \w+)\b/, { ownNegation: true }),
  // Plans, methods and preparations (labels only; no detail is ever echoed).
  R('plan', 0.86, 'plan or method', /\b(stockpil\w*|hoard\w*|sav(ing|ed) up|collect(ing|ed)|saving|stashing|stashed) (up )?(my |some |all )?(\w+ )?(pills|meds|medication|tablets|sleeping pills|painkillers)\b/),
  R('plan', 0.86, 'plan or method', /\b(took|swallowed|taken|take|taking) (all|a bunch of|a lot of|too many|a handful of|the whole bottle of|\d+) (my |of my )?(pills|meds|tablets|painkillers)\b/),
  R('plan', 0.86, 'plan or method', /\b(overdose|overdosing|overdosed)\b/),
  R('plan', 0.86, 'plan or method', /\b(bought|buy|got|tied|made|have) (a |the )?(rope|noose)\b|\bnoose\b/),
  R('plan', 0.86, 'plan or method', /\b(jump|jumping|throw myself) (off|from|in front of) (a |the |that )?(bridge|building|roof|cliff|balcony|train|tower|overpass)\b/),
  R('plan', 0.86, 'plan or method', /\b(suicide|goodbye) (note|letter)\b/),
  R('plan', 0.86, 'plan or method', /\b(wrote|writing|written|left|finished) (a |my )?(note|letter|letters|notes) (for|to) (my )?(family|mom|mum|dad|parents|everyone|kids|wife|husband|friends)\b/),
  R('plan', 0.82, 'plan or method', /\b(tonight|today|tomorrow|this weekend) (is|will be) the (night|day)\b/),
  // Means at hand or a place of danger, in the present ("the pills are ready", "standing on the bridge right now").
  R('plan', 0.86, 'plan or method', /\b(have|got|with|counted|lined up) (the |my |some |all (of )?(the |my )?)?(pills|meds|tablets|painkillers) (ready|here|in front of me|counted|lined up|next to me)\b/),
  R('plan', 0.86, 'plan or method', /\b(standing|sitting|waiting) (on|at) (the )?(edge of (the |a )?)?(the |a )?(bridge|roof|ledge|cliff|tracks|balcony)\b|\b(on|at) (the |a )?(bridge|roof|ledge|cliff|tracks) (right )?now\b/),
  R('planWeak', 0.45, 'plan or method', /\b(i have|ive got|i made|ive made) a plan\b|\bset a date\b|\b(the|a) method\b/),
  R('plan', 0.84, 'plan or method', /\b(planning|plan|going|ready|want|wanna|about) to jump (tonight|today|tomorrow|off|from|in front)\b/),
  R('planWeak', 0.38, 'plan or method', /\b(its|it is) time\b|\b(wrote|written|writing|made|updated|finished) (my|a) will\b/),
  // A bare means-noun is everyday language ("we crossed the bridge"); it only counts alongside a farewell or plan signal.
  R('planWeak', 0.2, 'plan or method', /\bbridge\b|\bgun\b|\brazor( blades?)?\b/),
  // Farewells and giving things away.
  R('farewell', 0.55, 'farewell language', /\bthis is (my )?(goodbye|farewell)\b|\bgoodbye (everyone|all|world|forever|cruel world)\b|\b(saying|say|said) my goodbyes\b/),
  R('farewell', 0.55, 'giving things away', /\b(giving|gave|give|given) away (all )?my (stuff|things|belongings|possessions|cat|dog|pets|clothes)\b/),
  R('farewell', 0.5, 'farewell language', /\b(when|after) im gone\b|\b(wont|will not) be (here|around) (tomorrow|much longer|anymore|for long)\b|\bthis is my last (post|message|day|night)\b|\btake care of my (cat|dog|kids|pets) for me\b/),
  // Giving something to someone is ordinary; it only counts alongside another farewell signal.
  R('farewell', 0.3, 'giving things away', /\b(gave|giving|given|give) (away )?(all )?my (\w+ ){0,2}(away|to (my |a )?\w+)\b/),
  R('farewell', 0.5, 'farewell language', /\b(wont|will not|dont|do not) need (it|him|her|them|this|that|these|those|my \w+) (anymore|any more|where im going|after (tonight|today))\b/),
  // Ordinary on their own ("said goodbye to my family at the airport"); two of them together reach urgent.
  R('farewell', 0.38, 'farewell language', /\b(said|saying|say) (my )?goodbyes? to (my (\w+ )?(family|mom|mum|dad|parents|kids|friends|wife|husband)|everyone|everybody)\b|\b(wrote|written|writing) (my |the |some )?(\w+ and (my )?)?(letters|goodbyes)\b/),
  R('farewell', 0.25, 'farewell language', /\bthank you (all )?for everything\b|\bsorry for everything\b|\bforgive me\b|\bmade (my )?peace\b/),
  // Self-harm.
  R('selfHarmIntent', 0.75, 'self-harm intent', /\b(want|going|need|urge|urges|tempted|about) to (hurt|cut|burn|harm|punish) myself\b|\bself harm urges\b/),
  R('selfHarm', 0.6, 'self-harm', /\b(hurt|hurting|cut|cutting|burn|burning|harm|harming|punish|punishing|starve|starving) myself\b|\bself harm\b|\brelapsed\b/),
  // Distress and hopelessness (concern).
  R('distress', 0.48, 'hopelessness', /\b(cant|cannot|can not) (go on|do this anymore|take (it|this) anymore|keep going|keep doing this|cope anymore)\b/),
  R('distress', 0.48, 'hopelessness', /\b(hopeless|worthless|no way out|trapped|a burden|nothing matters|no future|give up on (life|everything)|empty inside)\b/),
  // Feeling like a burden is a recognised warning sign: resources and a person, not an alarm on its own.
  R('distress', 0.5, 'burden', /\b(no ?one|nobody|no body) (would|will|is going to|even) (miss|notice|care)( me| if)?\b|\b(everyone|everybody) (would|will) be (happier|fine|better) (without me|if i (was|were) gone)\b/),
  R('distress', 0.48, 'hopelessness', /\b(dont|cant|do not|cannot) see (a|any) way out\b|\bfeel(ing)? like dying\b/),
  R('distress', 0.45, 'hopelessness', /\b(want|wanting|need) to disappear\b|\bhate myself\b|\bhate my life\b|\bwhats the point\b/),
  R('distress', 0.48, 'hopelessness', /\b(cant|cannot|can not) (keep )?(living|live|going on) like this\b|\b(want|need) (it all|everything|the pain|this) to (stop|end)\b/),
  R('distress', 0.42, 'mentions suicide', /\bsuicid(e|al)\b|\bunalive\b/),
  // Low mood: a signal for the classifier and for trends, never a flag on its own.
  R('lowMood', 0.15, 'low mood', /\b(sad|low|down|depressed|lonely|alone|crying|cried|miss|empty|exhausted|numb|anxious|upset)\b/),
  // Past attempts (recovery stories are resolved in rules.ts).
  R('pastAttempt', 0.5, 'past attempt', /\b(my|an|a|last|previous|first|second) (suicide )?attempts?\b|\b(tried|attempted) to (kill myself|end my life|die)\b/),

  // Spanish.
  R('intent', 0.92, 'explicit intent', /\b(me quiero|quiero|voy a|pienso|quisiera) (morir(me)?|matarme|suicidarme|quitarme la vida)\b/),
  R('intent', 0.92, 'explicit intent', /\bme (quiero|voy a) (morir|matar|suicidar)\b/),
  R('intent', 0.9, 'explicit intent', /\b(no quiero|ya no quiero) (vivir|seguir viviendo|seguir|estar aqui|existir|despertar)\b/, { ownNegation: true }),
  R('intent', 0.88, 'explicit intent', /\bacabar con (todo|mi vida)\b|\bquitarme la vida\b|\bsuicidarme\b|\bpensamientos suicidas\b/),
  R('intent', 0.5, 'about someone else', /\b(quiere|quiere morir|dice que quiere) (morir(se)?|matarse|suicidarse|quitarse la vida)\b|\b(matarse|suicidarse|quitarse la vida)\b/, { other: true }),
  R('passive', 0.76, 'burden', /\b(estarian|estaria|estarias) mejor sin mi\b|\bojala (no despertara|estuviera muerto|estuviera muerta|no hubiera nacido)\b/),
  R('passive', 0.74, 'no reason to live', /\bno (vale|tiene sentido) (la pena )?(vivir|seguir)\b|\bno tengo (razones|motivos) para vivir\b|\bcansad[oa] de vivir\b/),
  R('passive', 0.74, 'no reason to live', /\bnada por (lo )?(que|cual) vivir\b/, { ownNegation: true }),
  R('passive', 0.74, 'wish to be dead', /\b(irme|me quiero ir|quiero irme) de este mundo\b/),
  R('passive', 0.76, 'wish to be dead', /\b(quiero|quisiera|ojala|ojala pudiera) (estar muert[oa]|desaparecer para siempre|dormir y no (volver a )?despertar)\b|\bno quiero despertar\b/),
  R('distress', 0.5, 'hopelessness', /\bya no (aguanto|puedo) (mas|con esto|con todo)\b|\bno aguanto mas\b|\bno puedo mas\b|\bsin salida\b|\bsin esperanza\b/),
  R('plan', 0.86, 'plan or method', /\b(junte|juntando|guardando|guarde|tengo) (las |unas |muchas )?(pastillas|pildoras)\b|\b(tirarme|lanzarme|saltar) (de|del|desde) (un|el|la)? ?(puente|edificio|techo|balcon)\b|\bcarta de despedida\b|\bsobredosis\b|\b(compre|tengo) una soga\b/),
  R('farewell', 0.55, 'farewell language', /\badios a todos\b|\besta es mi despedida\b|\bcuando ya no este\b|\bregal(e|ando|o) (todas )?mis cosas\b/),
  R('selfHarmIntent', 0.75, 'self-harm intent', /\b(quiero|voy a|necesito) (hacerme dano|cortarme|lastimarme)\b/),
  R('selfHarm', 0.6, 'self-harm', /\b(me corte|me corto|cortarme|hacerme dano|me haria dano|me hare dano|me hago dano|lastimarme|autolesion\w*)\b/),
  R('lowMood', 0.15, 'low mood', /\b(triste|solo|sola|deprimid[oa]|llorando|extrano|vacio|vacia|agotad[oa])\b/),
];

/** Idioms and hyperbole, removed before matching ("this homework is killing me", "I'd kill for a coffee"). */
export const IDIOMS: RegExp[] = [
  /\b(is|are|was|were|s|re|keeps|keep|its|thats|this|it) (really |literally |slowly )?killing me\b/g,
  /\b(id|i would|i could|would|could|i d) (literally )?(kill|die) for\b/g,
  /\bkill for (a|an|some|the|one|that|this)\b/g,
  /\bdying (to|for)\b/g,
  /\b(want to |going to |could |i could |about to )?(just |literally )?(die|dying|died|dead) (of|from) (embarrassment|cringe|laughter|laughing|boredom|shame|heat|hunger|thirst|cuteness)\b/g,
  /\b(died|dying|die|dead) laughing\b|\bto die for\b|\b(lol|lmao|haha) im dead\b|\bim dead (lol|lmao|haha)\b/g,
  /\b(killed|killing|kill) (it|time)\b|\bdead (tired|serious|set)\b|\b(bored|scared|worried|tired|sick) to death\b/g,
  /\b(ugh|omg|just) kill me( now)?\b|\bkill me now\b|\bshoot me now\b|\bover my dead body\b/g,
  /\b(could|would|will|going to|gonna|want to|wanna) (literally |actually )?(kill|murder|strangle) (him|her|them|you|my \w+)\b/g,
  /\bmy (\w+ )?(is going to|will|would|gonna|is gonna) (literally )?kill me\b/g,
  /\b(phone|battery|laptop|plant|plants|car|computer) (is |was )?(dying|dead|died)\b/g,
  /\bi could (just )?die\b(?! tonight)/g,
  /\bsuicide (squad|doors?|mission|run|pact song)\b|\b(murdered|destroyed|wrecked) me\b/g,
  // Spanish.
  /\bme muero (de|por) (risa|hambre|ganas|sueno|frio|calor|verguenza|aburrimiento|sed|verte|ir|saber)\b/g,
  /\bmuert[oa] de (risa|hambre|cansancio|sueno|miedo|frio|verguenza)\b/g,
  /\b(me esta matando|me estan matando|me mata (el|la|este|esta|que))\b/g,
  /\b(mataria|me moriria) por\b/g,
];

/** Words that negate what follows within a few words ("I would never hurt myself", "nunca me haría daño"). */
export const NEGATORS = new Set(['not', 'never', 'no', 'dont', 'didnt', 'wouldnt', 'wont', 'isnt', 'arent', 'wasnt', 'nunca', 'jamas', 'ni', 'nor', 'neither', 'couldnt', 'shouldnt']);
/** Words between a negator and a phrase that break the negation ("can't stop thinking about…", "not going to lie"). */
export const NEGATION_BREAKERS = new Set(['stop', 'help', 'but', 'know', 'sure', 'lie', 'anymore', 'wait', 'until', 'why', 'care', 'pero', 'se', 'aguanto']);

export const OTHER_PEOPLE = /\b(friend|friends|bestie|sister|brother|sis|bro|mom|mum|mother|dad|father|son|daughter|kid|child|partner|boyfriend|girlfriend|bf|gf|wife|husband|roommate|flatmate|cousin|aunt|uncle|student|coworker|colleague|classmate|she|he|they|her|him|them|someone|somebody|amigo|amiga|hermano|hermana|mama|papa|hijo|hija|novio|novia|esposo|esposa|ella|el)\b/;
export const SELF_PEOPLE = /\b(i|im|ive|id|ill|me|my|myself|yo|me|mi)\b/;

/** Markers that a clause talks about the past ("two years since my attempt", "I used to…"). */
export const PAST = /\b(ago|used to|since (my|the)|back (then|when)|when i was|last year|years? (clean|free|since)|months? (clean|free|since)|was suicidal|survived|survivor|hace (\w+ )?(anos|meses)|desde mi intento|cuando era)\b/;
/** Words that make a story about the past a recovery story. */
export const RECOVERY = /\b((doing|feeling|getting|am|im) (much |a lot |so |way )?better|glad (i am|im|to be|i stayed) (still )?(here|alive)|better place|it gets better|proud|grateful|thankful|recovery|recovering|healing|still here|hope|hopeful|estoy mejor|me siento mejor|sali adelante|agradecid[oa]|orgullos[oa])\b/;
/** Present-tense relapse markers that override a recovery story. */
export const RELAPSE = /\b(again|relapse|relapsing|lately|these days|right now|tonight|otra vez|de nuevo)\b/;
/** Someone asked the person about risk and they said no ("my therapist asked if I'm suicidal and I said no"). */
export const ASKED_AND_DENIED = /\b(ask|asks|asked|asking)( me)? (if|whether)\b.*\b(said|say|answered|told(?: \w+)?) (no|nope|not)\b/;
/** Joking tone. */
export const JOKING = /\b(lol|lmao|lmfao|haha\w*|jk|jaja\w*|xd)\b|😂|🤣|💀/;

/** Cheap pre-check: a clause without any of these stems cannot match a rule other than low mood. */
export const TRIGGER =
  /(kill|time|will|stop|mundo|nada|way out|urge|desaparecer|dormir|make it|hang|shoot|drown|die|dying|dead|death|suicid|life|live|living|alive|exist|wake|wish|better|reason|point|worth|tired|sick|end|pill|med|tablet|overdos|rope|noose|jump|throw|note|letter|tonight|today|tomorrow|weekend|plan|date|method|bridge|gun|razor|goodbye|farewell|gone|away|last|here|around|thank|sorry|forgive|peace|hurt|cut|burn|harm|punish|starv|relapse|cant|cannot|can not|hopeless|worthless|way out|trapped|burden|matter|future|give up|empty|disappear|vanish|sleep|hate|whats the point|attempt|tried|care|miss|morir|matar|vivir|seguir|estar|despertar|acabar|vida|mejor sin|ojala|vale|sentido|razones|motivos|cansad|aguanto|puedo|salida|esperanza|pastillas|pildoras|tirarme|lanzarme|saltar|despedida|sobredosis|soga|adios|regal|dano|cort|lastim|autolesion|quiere|done|gave|giving|given|need|without|nobody|noone|no one|everyone|everybody|notice|ready|edge|ledge|roof|cliff|tracks|balcony|standing|sitting)/;
