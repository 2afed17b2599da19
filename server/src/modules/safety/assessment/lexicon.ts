/**
 * Curated phrase rules, English and Spanish, written against normalized text (lowercase, no accents, no apostrophes:
 * "dont", "im", "mas"). Reasons are short labels for moderators and never name a method. Every pattern is written
 * here as a general phrasing; none is a sentence taken from a data set.
 *
 * Kinds: intent and passive ideation, plans/methods and farewells can reach "urgent"; self-harm, distress and past
 * attempts reach "concern"; low mood alone stays "none".
 *
 * Concern or urgent, following the C-SSRS screener's ladder (wish to be dead → thoughts → method → intent → plan,
 * and behaviour) and the data's labels (C-SSRS "Ideation" and above are urgent, "Indicator" is concern):
 * - Urgent: a wish to be dead or not to wake up ("I wish I was never born", "no quiero despertar", "tired of being
 *   alive"): C-SSRS item 1 is already ideation, and a person should look now; thoughts of killing oneself, intent,
 *   a method, a plan or preparations; a time frame ("I won't be around much longer", "this is my last night");
 *   "everyone would be better off without me" (ideation in other words).
 * - Concern: risk indicators without a stated wish to die: hopelessness ("I can't go on", "no way out", "no point in
 *   anything anymore", "ya no aguanto más"), feeling a burden ("I'm a burden"), wanting to disappear or "it all to
 *   stop", a lone goodbye, self-harm without suicidal words ("cutting again", "relapsed on sh": C-SSRS counts
 *   non-suicidal self-injury apart from suicidal behaviour), and concern for someone else.
 * - Combinations climb: hopelessness or feeling a burden together with a goodbye, or two farewell/preparation signals
 *   (giving things away + "won't need it anymore"), are urgent (rules.ts).
 * - Guards first: idioms and hyperbole are removed ("this traffic makes me want to die", "me muero de risa", "I'm
 *   done with this assignment" never matches), then negation, someone else, the past and recovery are checked;
 *   everyday look-alikes are written out of the patterns themselves ("I don't want to wake up early", "no way out of
 *   this contract", "my last night in Lisbon", "goodbye everyone, see you tomorrow").
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
  /** Said of someone else and not in the past, it means they are in danger now (an overdose taken, a goodbye letter left). */
  otherNow?: boolean;
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
  // Suicidal thoughts as one's own experience ("having suicidal thoughts", "my suicidal urges", "suicidal thoughts again
  // tonight"); the noun phrase as a subject ("suicidal thoughts are very real", "what is suicidal ideation") only
  // mentions suicide.
  R('intent', 0.88, 'explicit intent', /\b(my|having|have|had|get|getting|got|with|experiencing|experience|battling|fighting|struggling with|dealing with|dealt with|entertaining|full of|constant|so many|lots of|a lot of)( \w+){0,3} suicid(al|e) (thoughts|ideation|urges|feelings)\b|\bsuicid(al|e) (thoughts|ideation|urges|feelings) (again|tonight|today|lately|every ?day|all the time|constantly|are back|came back|come|comes|came|creep|keep|wont (stop|go away|leave)|are getting|getting (worse|stronger)|are (so|really) (bad|strong|loud)|(is|are) my)\b/),
  R('intent', 0.9, 'explicit intent', /\bend (it|it all|everything|things) (tonight|today|now|soon|for good)\b/),
  R('intent', 0.88, 'explicit intent', /\b(want|going|ready|planning|decided) to end (it|it all|everything|things)\b/),
  R('intent', 0.9, 'explicit intent', /\b(dont|do not|no longer|dont really) want to (live|be alive|exist|be here anymore|go on(?! (a|an|the|that|this|my|our|your|his|her|their|vacation|holiday|holidays|trip|trips|tour|dates?|stage|air|tv|rides?|with|about|social media|twitter|reddit|here|there)\b))\b/, { ownNegation: true }),
  R('intent', 0.85, 'explicit intent', /\bi (should|will|might|could) (just )?die\b/),
  // "Done with everything" is also the end of a working day; it counts where the sentence stops or goes on about life.
  R('intent', 0.85, 'explicit intent', /\bim (so |just |completely |really |officially )?done with (life|living|this life|being alive|this world|everything(?= anymore| and everyone| and everybody| i (cant|just|dont)|$))\b/),
  // Wanting to end it, in the words generic narration uses ("some days I feel like ending it all", "you stop wanting
  // to live"); who it is about is decided in rules.ts (a generic "you" is the writer).
  R('intent', 0.88, 'explicit intent', /\b(feel|feeling|felt) like (just )?(ending it( all)?|ending everything|ending (my|your) (own )?life|killing (myself|yourself))\b/),
  R('intent', 0.9, 'explicit intent', /\b(stop|stops|stopped|stopping) wanting to (live|be alive|exist|go on|wake up|be here)\b/),
  // The same in the second person ("you want to kill yourself"): a reply to someone or a generic "you" (rules.ts).
  R('intent', 0.9, 'explicit intent', /\b(want|wants|wanting|wanna|wanted|think about|thinking about|thinking of|thought about) (to )?(kill|killing|end|ending|take|taking) (yourself|your (own )?life)\b/),
  R('selfHarmIntent', 0.75, 'self-harm intent', /\b(want|wanting|wanna|urge|urges|tempted) to (hurt|cut|harm|burn) yourself\b/),
  // Explicit intent, someone else (reported speech / concern for another person).
  R('intent', 0.5, 'about someone else', /\b(kill|killing|hang|hurt|hurting|cut|cutting|harm|harming) (herself|himself|themselves|themself)\b/, { other: true }),
  R('intent', 0.5, 'about someone else', /\b(end|ending|take|taking) (her|his|their) (own )?life\b/, { other: true }),
  R('intent', 0.5, 'about someone else', /\b(wants|is going|says she wants|says he wants) to die\b/, { other: true }),
  R('intent', 0.5, 'about someone else', /\b(she|he|they|shes|hes|theyre) (is |are )?suicidal\b/, { other: true }),
  R('passive', 0.5, 'about someone else', /\b(wishes|wished|wish) (she|he|they) (was|were|had) (never been born|never born|dead|not alive|never existed)\b/, { other: true }),
  // "my brother is suicidal": who it is about is decided by the nearest person word.
  R('intent', 0.88, 'explicit intent', /\b(is|are|was|been|being|seems|sounds|gets|getting|got|went) suicidal\b/),
  // Passive ideation.
  R('passive', 0.78, 'wish to be dead', /\bwish (i|id) (was|were|had) (dead|never been born|not born|gone)\b/),
  R('passive', 0.78, 'wish to be dead', /\bwish i (could )?(not wake up|wouldnt wake up|could disappear forever|could just die|could die)\b/),
  R('passive', 0.76, 'wish to be dead', /\b(dont|do not) want to wake up\b(?! (early|earlier|at|before|so early|for (work|school|class|the|my)|in the morning|on (a|the|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|tomorrow (at|for|early|morning)))/, { ownNegation: true }),
  R('passive', 0.76, 'burden', /\b(better off|be better) (dead|without me|if i (was|were) gone|if i wasnt here)\b/),
  R('passive', 0.74, 'no reason to live', /\bno (reason|point) (to|in) (live|living|going on|being alive|carry on|keep going|keep living|stay alive|be alive|stay|wake up)\b/),
  // Only the negative ("life isn't worth living"); "life is worth living" is the opposite.
  R('passive', 0.74, 'no reason to live', /\b(life|living) (isnt|is not|aint|is no longer|doesnt (feel|seem)|does not (feel|seem)) (\w+ )?worth (it|living)\b/, { ownNegation: true }),
  R('passive', 0.74, 'no reason to live', /\b(nothing|nobody|no one|noone) (left )?to live for\b|\bdont have anything (left )?to live for\b/),
  R('intent', 0.86, 'explicit intent', /\bsuicide (is|seems|feels) (like )?(the|my) only (way|option|answer|choice|way out)\b|\b(planning|planned|plan) my (suicide|death)\b/),
  R('passive', 0.72, 'wish to be dead', /\b(tired|sick) of (living|being alive|life|existing)\b/),
  R('passive', 0.72, 'wish to be dead', /\bno one would (care|miss me|notice) if i (died|was gone|disappeared|wasnt here)\b/),
  R('passive', 0.72, 'wish to be dead', /\b(want|wanting) (it all|everything|my life|the pain) to (end|stop) (forever|for good)\b/),
  R('passive', 0.72, 'wish to be dead', /\b(sleep|disappear|vanish) (forever|and never wake up)\b/),
  R('passive', 0.7, 'wish to be dead', /\bnot (be|being) (here|alive) anymore\b/, { ownNegation: true }),
  // Wish to be dead in longer writing (C-SSRS item 1, general phrasings): "I just want to not exist", "I've lost my will
  // to live", "I'd rather be dead", "I might as well be dead", "I don't care whether I live or die".
  R('passive', 0.74, 'wish to be dead', /\b(want|wanna|wanted|wish i could|would rather|id rather) (to )?(not exist|stop existing|cease to exist|not be alive)\b/),
  R('passive', 0.74, 'no reason to live', /\b(lost|losing|lose) (all )?(of )?my will to live\b|\b(i have|ive got|i got) no (more )?will to live\b|\b(havent|dont|do not|have not) (had|have|got|found) (a|any) reason to (live|be alive|keep living|go on)\b/, { ownNegation: true }),
  R('passive', 0.76, 'wish to be dead', /\bwish(ing|ed)? (i|id) (was|were|had been) dead\b|\bwish i (would|could) (just )?die\b|\b(would|id) (prefer|rather) (to )?(have )?never (have )?been born\b/),
  R('passive', 0.74, 'wish to be dead', /\b(id|i would|i had|i much|id much|id definitely|i would much|id honestly) rather (just )?(be dead|not be alive|not be here anymore)\b|\bmight as well (be dead|die|kill myself|end it)\b/),
  R('passive', 0.72, 'wish to be dead', /\b(dont|do not) deserve to (live|be alive|exist)\b/, { ownNegation: true }),
  // Indifference to living is a risk indicator (concern), as the screener's triage reads it.
  R('distress', 0.48, 'hopelessness', /\b(dont|do not|not) (\w+ )?(care|concerned|bothered) (\w+ )?(if|whether) i live or die\b/, { ownNegation: true }),
  R('passive', 0.72, 'wish to be dead', /\b(death|dying|being dead) (often |always |just |really )?(seems|sounds|feels|looks) (like )?(the |a )?(much |far )?(better|best|superior|only|easier|easiest) (option|choice|way out|solution)\b|\b(crave|craving|long for|longing for) death\b|\bid (already )?be dead (already |by now )?if (it|i) (wasnt|werent|wasn|didnt)\b/),
  R('intent', 0.85, 'explicit intent', /\b(not (even )?(strong|brave) enough|too (scared|afraid|cowardly|weak|much of a coward)) to (kill myself|end (it|my life)|go through with it)\b/, { ownNegation: true }),
  R('intent', 0.86, 'explicit intent', /\b(poison|drink|starve) myself to death\b|\bprepar(e|ing|ed) for my (own )?death\b/),
  R('distress', 0.48, 'hopelessness', /\b(not going to|wont|refuse to|will not) (keep )?(live|living|go on) like this\b/, { ownNegation: true }),
  R('passive', 0.78, 'wish to be dead', /\b(want|wanna|wanted|wish|hope|need) (to be|i was|i were|id be) dead\b|\bhope i (die|dont wake up|never wake up|wont wake up)\b/),
  R('passive', 0.78, 'wish to be dead', /\b(fall asleep|go to sleep|sleep) and (never|not|don t|dont) wake up\b/),
  R('passive', 0.78, 'wish to be dead', /\b(dont|do not) think (ill|i will|im going to) (be (here|around|alive)|make it) (much longer|for long|past \w+|by \w+)\b/, { ownNegation: true }),
  // Short first-person statements (chat-length), by the C-SSRS ladder written down in the file comment.
  // Wish to be dead (C-SSRS 1): urgent-capable, as the data's "Ideation" label is.
  R('passive', 0.78, 'wish to be dead', /\bwish (i|id) (had )?(never been born|never existed|not been born)\b|\bwish i (was|were) (never born|not alive|not born)\b|\bwish i (didnt|did not|couldnt|could not) exist\b|\bwish i (could|would) (just )?(stop existing|not exist|disappear forever|cease to exist)\b/),
  R('passive', 0.76, 'wish to be dead', /\bwish i (wasnt|werent|was not|were not) (alive|born|here anymore|around anymore|here at all|in this world|on this earth)\b/),
  R('passive', 0.76, 'wish to be dead', /\b(want|wanting|need|wish i could|going) to stop existing\b|\b(want|wanna) to (go to )?sleep (forever|and (never|not) wake up)\b/),
  // "Wish I wasn't here" alone may be about a boring party: concern, unless it names a place or an occasion.
  R('distress', 0.45, 'hopelessness', /\bwish i (wasnt|werent|was not|were not) here\b(?! (at|in|with|for|on|today|tonight|right now|at this|anymore|at all))/),
  // Intent with a time frame (C-SSRS 4-5).
  R('intent', 0.88, 'explicit intent', /\b(ill|i will|im going to|i am going to|i should) be dead (by|before|soon|tomorrow|tonight|in a (week|few days|month)|this time next)\b/),
  R('passive', 0.78, 'farewell language', /\b(wont|will not|dont think ill|do not think i will) be (here|around|alive) (much longer|for (much )?long|after (tonight|today|this week)|by (morning|tomorrow|next week))\b/),
  R('plan', 0.82, 'farewell language', /\b(this is|today is|tonight is|its) my last (night|day)( alive| on earth| here)?\b(?! (in|at|of|before|with|on|as|off|working|for|together|to|here|of school|of work|at work))/),
  // Method research (C-SSRS 5: plan); labels only.
  R('plan', 0.86, 'plan or method', /\b(painless|quick|quickest|easiest|easy|best|fastest|surest) (way|ways|method|methods) to (die|end it|end my life|kill myself)\b|\b(looking up|looked up|researching|researched|googling|googled|searched|searching|reading about) (for )?(ways|how|methods) to (die|end it|end my life|kill myself)\b/),
  R('plan', 0.86, 'plan or method', /\bhow many (sleeping |of my |of these |of the )?(pills|tablets|meds|painkillers|paracetamol|tylenol) (would it take|does it take|would kill|to die|until)\b/),
  R('planWeak', 0.45, 'plan or method', /\bi know (how|when|where) (im going to|ill|i will|i would|id|to) (do it|end it)\b|\b(picked|chose|chosen|set) (a|the) (date|day|spot|place)\b(?! (for (the|our|my|a) (wedding|party|trip|meeting|move|interview|exam))| to (meet|go|celebrate))/),
  R('passive', 0.72, 'wish to be dead', /\bwhy (am i|im|do i stay|should i stay) still (alive|here|breathing)\b|\b(being|im|i am|staying) alive (feels like|is) (torture|hell|a punishment|pointless|unbearable)\b/),
  R('plan', 0.86, 'plan or method', /\b(throw|hurl|fling) myself (off|from|in front of|under)\b/),
  R('distress', 0.48, 'hopelessness', /\bi (just )?want out\b(?! (of (this|the|my) (\w+ )?(job|class|contract|meeting|lease|relationship|group|chat|house|city|town))| tonight| to (eat|go|the))|\b(want|need) (it|this|everything|it all) to be over\b|\b(dont|do not) want to (keep fighting|fight|hang in there|hold on) anymore\b/),
  // Hopelessness and burden (C-SSRS risk indicators): concern on their own; with a goodbye they reach urgent (rules.ts).
  R('distress', 0.48, 'hopelessness', /\bno point (in )?(anything|any of (this|it)|trying anymore|waking up|getting up anymore|it anymore)\b|\bnothing (matters|has any point) anymore\b|\b(theres|there is) no point anymore\b/),
  R('distress', 0.48, 'burden', /\b(im|i am|i feel like|feel like) (such |just |only )?(a|an) (burden|waste of space|waste of oxygen)\b/),
  // A bare "goodbye" is everyday chat; it only counts next to hopelessness or another farewell.
  R('farewell', 0.38, 'farewell language', /^(goodbye|farewell|bye forever)( everyone| all| world)?$/),
  R('farewell', 0.45, 'farewell language', /\b(im |i am |just |i wanted to |i want to |wanted to )?(say|saying) goodbye( to (everyone|you all|all of you|this world|the world))?( for (the last time|good|ever))?$|\bi love you all goodbye\b|\btell my (mom|mum|dad|family|parents|kids|sister|brother) (i|that i) (love|loved|am sorry|m sorry)\b/),
  // Self-harm behaviour, now (C-SSRS behaviour questions): concern; self-harm is not by itself suicidal intent.
  R('selfHarm', 0.6, 'self-harm', /\b(cutting|burning|self harming) (again|tonight|last night)\b|\bi (cut|burned|burnt) (again|tonight|last night)\b|\b(started|start|been|keep|kept|back to) (cutting|self harming)( again| myself)?$|\brelapsed( on| with)? (self harm|cutting)\b/),
  R('selfHarmIntent', 0.75, 'self-harm intent', /\b(want|need|going|urge|urges|tempted|itching|craving) to (cut|burn|self harm)\b(?! (my|the|a|an|back|down|costs?|off|out|it|them|this|that|ties|class|classes|hair|in|through|some|up|carbs|wood|paper|sugar|onions|the grass|calories)\b)/),
  // Plans, methods and preparations (labels only; no detail is ever echoed).
  R('plan', 0.86, 'plan or method', /\b(stockpil\w*|hoard\w*|sav(ing|ed) up|collect(ing|ed)|saving|stashing|stashed) (up )?(my |some |all )?(\w+ )?(pills|meds|medication|tablets|sleeping pills|painkillers)\b/),
  R('plan', 0.86, 'plan or method', /\b(took|swallowed|taken|take|taking) (all|a bunch of|a lot of|too many|a handful of|(a|the) (whole|full|entire) (bottle|box|pack|packet|strip) of|\d{2,}) (my |of my |the |her |his |their )?(sleeping )?(pills|meds|tablets|painkillers|paracetamol|tylenol|acetaminophen|ibuprofen|aspirin|antidepressants)\b/, { otherNow: true }),
  R('plan', 0.86, 'plan or method', /\b(overdose|overdosing|overdosed)\b/, { otherNow: true }),
  R('plan', 0.86, 'plan or method', /\b(bought|buy|got|tied|made|have) (a |the )?(rope|noose)\b|\bnoose\b/),
  R('plan', 0.86, 'plan or method', /\b(jump|jumping|throw myself) (off|from|in front of) (a |the |that )?(bridge|building|roof|cliff|balcony|train|tower|overpass)\b/),
  R('plan', 0.86, 'plan or method', /\b(suicide|goodbye) (note|letter)\b/, { otherNow: true }),
  R('plan', 0.86, 'plan or method', /\b(wrote|writing|written|left|finished) (a |my )?(note|letter|letters|notes) (for|to) (my )?(family|mom|mum|dad|parents|everyone|kids|wife|husband|friends)\b/),
  R('plan', 0.82, 'plan or method', /\b(tonight|today|tomorrow|this weekend) (is|will be) the (night|day)\b/),
  // Means at hand or a place of danger, in the present ("the pills are ready", "standing on the bridge right now").
  R('plan', 0.86, 'plan or method', /\b(have|got|with|counted|lined up) (the |my |some |all (of )?(the |my )?)?(pills|meds|tablets|painkillers) (ready|here|in front of me|counted|lined up|next to me)\b/),
  R('plan', 0.86, 'plan or method', /\b(standing|sitting|waiting) (on|at) (the )?(edge of (the |a )?)?(the |a )?(bridge|roof|ledge|cliff|tracks|balcony)\b|\b(on|at) (the |a )?(bridge|roof|ledge|cliff|tracks) (right )?now\b/, { otherNow: true }),
  R('planWeak', 0.45, 'plan or method', /\b(i have|ive got|i made|ive made) a plan\b|\bset a date\b|\b(the|a) method\b/),
  R('plan', 0.84, 'plan or method', /\b(planning|plan|going|ready|want|wanna|about) to jump (tonight|today|tomorrow|off|from|in front)\b/),
  R('planWeak', 0.38, 'plan or method', /\b(its|it is) time\b|\b(wrote|written|writing|made|updated|finished) (my|a) will\b/),
  // A bare means-noun is everyday language ("we crossed the bridge"); it only counts alongside a farewell or plan signal.
  R('planWeak', 0.2, 'plan or method', /\bbridge\b|\bgun\b|\brazor( blades?)?\b/),
  // Farewells and giving things away.
  R('farewell', 0.55, 'farewell language', /\bthis is (my )?(goodbye|farewell)\b|\b(goodbye|bye) (everyone|all|world|forever|for good|for ever|cruel world)\b|\b(saying|say|said) my goodbyes\b/),
  R('farewell', 0.55, 'giving things away', /\b(giving|gave|give|given) away (all )?my (stuff|things|belongings|possessions|cat|dog|pets|clothes)\b/),
  R('farewell', 0.5, 'farewell language', /\b(when|after|once) im (gone|dead)\b|\b(wont|will not) be (here|around) (tomorrow|anymore)\b(?! (see|cya|back|so|because|cause|for (work|school|the)|im|i have|ill be|at))|\bthis is my last (post|message)\b(?! (before|for|of|on|in|until|till|here before|about|today|tonight|this (week|year)))|\btake care of my (cat|dog|kids|pets) for me\b/),
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
  R('distress', 0.48, 'hopelessness', /\b(cant|cannot|can not) (go on(?! (a|an|the|that|this|my|vacation|holiday|trip|tour|dates?|stage|air|tv|rides?|with|about|social media|twitter|reddit)\b)|do (this|it) anymore|take (it|this) anymore|keep going(?! (to|back|with|through|out|in|at|for|into|on (a|the|with))\b)|keep doing this|cope anymore|handle (it|this|life) anymore)\b/),
  R('distress', 0.48, 'hopelessness', /\b(hopeless|worthless|no way out(?! of (the|this|that|my|a) (\w+ )?(contract|lease|deal|maze|room|building|car park|parking|game|level|meeting|class|subscription|traffic|queue|line|situation at work|job)\b)|trapped|a burden|nothing matters|no future|give up on (life|everything)|empty inside)\b/),
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

  // Hard cases found by an independent battery (README, "Independent hard cases"), written as general phrasings.
  // Preparations that are ordinary one by one and urgent together ("written my note" + "picked the date").
  R('planWeak', 0.45, 'plan or method', /\b(wrote|written|writing|finished|left) (my|a|the) (note|letter|last letter)\b(?! (to|for) (the )?(school|teacher|landlord|council|manager|boss|office|bank|editor|company|court|judge))/),
  R('plan', 0.86, 'plan or method', /\bi know (how|when|where) and (when|where|how) (im going to|ill|i will|to) (do it|end it)\b|\bi know (how|when|where) (im going to|ill|i will|to) (do it|end it) and (when|where|how)\b/),
  // A weapon at hand, in the present.
  R('plan', 0.86, 'plan or method', /\b(gun|pistol|rifle) (is |loaded |ready )*(next to me|in my hand|on my lap|in my mouth|to my head|against my (head|chest))\b|\b(knife|blade|razor) (to|against) my (throat|wrist|wrists|chest)\b/),
  // Farewells that announce an act.
  R('plan', 0.86, 'farewell language', /\bsorry for what (im|i am) (about|going) to do\b|\b(if|when) (you are|youre|anyone is|someone is|you) (reading|read|find|finds) this,? (im|i am|ill be|i will be|i ll be) (already )?(gone|dead|not here|not alive)\b/),
  // Fear of one's own actions tonight is a call for someone now (C-SSRS: intent).
  R('selfHarmIntent', 0.78, 'self-harm intent', /\b(scared|afraid|frightened|terrified|worried) (of|about) what i (might|will|could|may|am going to|m going to|im going to) do( to myself)?( tonight| today| right now)?\b(?! (at|in|with|for|on) (the|my|a|this|that|work|school|exam|interview|meeting|party|test|presentation|date))/),
  // Serious self-inflicted injury now.
  R('plan', 0.86, 'self-harm injury', /\b(cuts?|wounds?|cutting)\b( \w+){0,6} (wont|will not|cant|doesnt|does not|dont|do not) stop bleeding\b|\b(cut|cuts|wound|wounds) (is|are|was|were) (really |too |very |so )?deep\b/),
  // Self-harm acts named by the body part or the purpose.
  R('selfHarm', 0.6, 'self-harm', /\b(hitting|punching|scratching|biting|hit|punch|scratch|bite|bruising|bruise) myself\b|\b(scratch\w*|cut\w*|pick\w*|claw\w*|bit|bite|biting) (at )?my (arms?|wrists?|legs?|thighs?|skin|stomach|hands?)( \w+){0,2} until (they|it|i|the skin) (bleed|bled|bleeds|bleeding)\b/),
  R('selfHarm', 0.6, 'self-harm', /\b(burned|burnt|cut|scratched|hit|bruised|hurt|burn|cutting|burning) (myself|my (arms?|wrists?|legs?|thighs?|skin|stomach|hands?))( \w+){0,4} (on purpose|deliberately|to feel (something|anything|pain)|to punish myself|to cope|so i could feel)\b/),
  // Indifference to living, relief in dying, pointlessness: risk indicators (concern).
  R('distress', 0.5, 'hopelessness', /\b(dont|do not) care (if|whether) i (live|die|wake up|make it)\b|\bif i (die|died|was gone|were gone)\b( \w+){0,3} (at least|the pain (would )?(stops?|end|ends)|nobody would|no one would|it wouldnt matter)\b/, { ownNegation: true }),
  R('distress', 0.48, 'hopelessness', /\b(everything|life|my life|it all|existence) (feels|is|seems) (so |completely |totally )?(pointless|meaningless|hopeless)\b|\b(easier|better) (for everyone )?if i (just )?(disappeared|vanished|was gone|were gone|wasnt here|wasnt around|didnt exist)\b/),
  R('distress', 0.5, 'burden', /\b(everyone|everybody|people|they) (would|will) be (happier|fine|better)( off)? if i (wasnt|werent|was not|were not) (around|here|alive)\b/),
  // A wish for an accident to happen to oneself is a wish to be dead (C-SSRS 1), as "I hope I die" is.
  R('passive', 0.72, 'wish to be dead', /\bhope (i|that i) (get|gets|got) (hit|run over|killed)\b|\bhope (my|the) (plane|car|bus|train) (crashes|crash)\b/),
  // Someone else: giving their things away is a warning sign to notice (concern, resources for helping someone).
  R('passive', 0.5, 'about someone else', /\b(gave|giving|given|give|gives) away (all )?(her|his|their) (stuff|things|belongings|possessions|cat|dog|pets|guitar|favou?rite \w+)\b/, { other: true }),
  // Spanish.
  R('intent', 0.92, 'explicit intent', /\b(me quiero|quiero|voy a|pienso|quisiera) (morir(me)?|matarme|suicidarme|quitarme la vida)\b/),
  R('intent', 0.92, 'explicit intent', /\bme (quiero|voy a) (morir|matar|suicidar)\b/),
  R('intent', 0.9, 'explicit intent', /\b(no quiero|ya no quiero) (vivir|seguir viviendo|seguir(?! (con|en|estudiando|trabajando|jugando|viendo|leyendo|esperando|hablando|pagando|asi con)\b)|estar aqui|estar viv[oa]|existir|despertar(me)?(?! (temprano|tan temprano|a las|para|manana temprano)\b))\b/, { ownNegation: true }),
  R('intent', 0.88, 'explicit intent', /\bacabar con (todo|mi vida)\b|\bquitarme la vida\b|\bme (voy a|quiero|pienso|puedo) quitar la vida\b|\b(hoy|esta noche|manana|ya) acabo con (todo|mi vida)\b|\bacabare con (todo|mi vida)\b|\bsuicidarme\b|\bpensamientos suicidas\b/),
  R('intent', 0.5, 'about someone else', /\b(quiere|quiere morir|dice que quiere) (morir(se)?|matarse|suicidarse|quitarse la vida)\b|\b(matarse|suicidarse|quitarse la vida)\b/, { other: true }),
  R('passive', 0.76, 'burden', /\b(estarian|estaria|estarias) mejor sin mi\b|\bojala (no despertara|estuviera muerto|estuviera muerta|no hubiera nacido)\b/),
  R('passive', 0.74, 'no reason to live', /\bno (vale|tiene sentido) (la pena )?(vivir|seguir)\b|\bno tengo (razones|motivos) para vivir\b|\b(cansad[oa]|hart[oa]) de (vivir|estar viv[oa]|la vida|existir)\b/),
  R('passive', 0.74, 'no reason to live', /\bnada por (lo )?(que|cual) vivir\b/, { ownNegation: true }),
  R('passive', 0.74, 'wish to be dead', /\b(irme|me quiero ir|quiero irme) de este mundo\b/),
  R('passive', 0.76, 'wish to be dead', /\b(quiero|quisiera|ojala|ojala pudiera) (estar muert[oa]|desaparecer para siempre|dormir y no (volver a )?despertar)\b/),
  R('distress', 0.5, 'hopelessness', /\bya no (aguanto|puedo) (mas|con esto|con todo)\b|\bno aguanto mas\b|\bno puedo mas\b|\bsin salida\b|\bsin esperanza\b/),
  R('plan', 0.86, 'plan or method', /\b(junte|juntando|guardando|guarde|tengo) (las |unas |muchas )?(pastillas|pildoras)\b|\b(tirarme|lanzarme|saltar) (de|del|desde) (un|el|la)? ?(puente|edificio|techo|balcon)\b|\bcarta de despedida\b|\bsobredosis\b|\b(compre|tengo) una soga\b/, { otherNow: true }),
  R('farewell', 0.55, 'farewell language', /\badios a todos\b|\besta es mi despedida\b|\bcuando ya no este\b|\bregal(e|ando|o) (todas )?mis cosas\b/),
  R('farewell', 0.5, 'farewell language', /\bya no (lo|la|los|las) (voy a necesitar|necesitare)\b|\bya no (voy a necesitar|necesitare) (nada|mis cosas)\b/),
  R('selfHarmIntent', 0.75, 'self-harm intent', /\b(quiero|voy a|necesito) (hacerme dano|cortarme|lastimarme)\b/),
  R('selfHarm', 0.6, 'self-harm', /\b(me corte|me corto|cortarme|hacerme dano|me haria dano|me hare dano|me hago dano|lastimarme|autolesion\w*)\b/),
  // "Me/te dan ganas de morir": the wish in the first person, or in a generic "te" (rules.ts decides who "te" is).
  R('intent', 0.88, 'explicit intent', /\b(me|te) (dan|da|entran|entra|vienen|viene) ganas de (morir(me|te)?|matar(me|te)|suicidar(me|te)|no existir|quitar(me|te) la vida)\b/),
  // Second person ("¿por qué quieres morir?", "llega un punto en que te quieres morir"): a question to someone or a
  // generic "tú" (rules.ts).
  R('intent', 0.9, 'explicit intent', /\bte quieres (morir|matar|suicidar)\b|\bquieres (morir(te)?|matarte|suicidarte|quitarte la vida)\b/),
  R('intent', 0.9, 'explicit intent', /\b(ya )?no quieres (vivir|seguir viviendo|existir|estar aqui)\b/, { ownNegation: true }),
  // Impersonal "uno" is the writer in general terms ("uno ya no quiere vivir").
  R('intent', 0.9, 'explicit intent', /\buno (ya )?no quiere (vivir|seguir viviendo|seguir|estar aqui|existir|despertar(se)?)\b/, { ownNegation: true }),
  R('intent', 0.9, 'explicit intent', /\buno (solo |ya |simplemente |a veces )?quiere (morir(se)?|matarse|suicidarse|quitarse la vida|dejar de existir)\b/),
  R('distress', 0.45, 'hopelessness', /\buno (solo |ya |simplemente |a veces )?quiere desaparecer\b/),
  // "Prefiero morirme…" (as "I'd rather be dead"); a mundane comparison is hyperbole (`RATHER_MUNDANE`).
  R('passive', 0.74, 'wish to be dead', /\b(prefiero|preferiria) (matarme|morirme|suicidarme|estar muert[oa])\b/),
  // Short first-person statements in Spanish (same ladder as English).
  R('passive', 0.76, 'wish to be dead', /\bojala (me muriera|me muera|muriera|no existiera|desapareciera para siempre|no estuviera viv[oa])\b|\b(quisiera|quiero|me gustaria) (no existir|no haber nacido|dejar de existir|no estar viv[oa])\b|\bquiero dormir para siempre\b/),
  R('intent', 0.88, 'explicit intent', /\b(tengo|siento) ganas de (morir(me)?|matarme|suicidarme|no existir)\b/),
  R('plan', 0.82, 'farewell language', /\b(esta es|hoy es) mi ultim[oa] (noche|dia)( con vida| en este mundo)?\b(?! (en|con|de|aqui|como|antes|trabajando|libre|para|del|juntos|juntas))/),
  R('passive', 0.78, 'farewell language', /\bno (voy a estar|estare) (aqui|mucho tiempo|por mucho tiempo) (mucho tiempo|mas|por mucho)\b|\bno voy a estar mucho tiempo mas\b/),
  R('farewell', 0.5, 'farewell language', /\beste es mi ultimo (mensaje|post)\b(?! (antes|de|del|en|por|sobre|hasta|aqui antes))|\badios para siempre\b|\b(digan|dile|diganle) a mi (mama|papa|familia) que (la|lo|los) quiero\b/),
  R('planWeak', 0.45, 'plan or method', /\b(ya )?tengo (todo planeado|un plan|todo listo|la fecha)\b/),
  R('distress', 0.45, 'hopelessness', /\b(quiero|quisiera|necesito|me gustaria) desaparecer\b/),
  R('distress', 0.48, 'hopelessness', /\bsoy una carga\b|\bnadie me (extranaria|echaria de menos)\b|\bnada tiene sentido\b|\b(no hay|no veo|no le veo) (salida|sentido a nada)\b|\bno puedo seguir (asi|mas)\b|\b(quiero|necesito) que (todo|esto) (termine|acabe|pare)\b|\bestoy (cansad[oa]|hart[oa]) de todo\b/),
  R('selfHarm', 0.6, 'self-harm', /\b(me volvi a|volvi a) (cortar|lastimar|hacer dano)\b|\bme estoy (cortando|lastimando)\b/),
  // Spanish, from the independent battery.
  R('plan', 0.86, 'plan or method', /\b(me tome|se tomo|tome|tomo|me trague|se trago|trague|trago) (un frasco|una caja|todo el frasco|toda la caja|todas (las|mis|sus)|un monton|muchas|\d{2,}) (de )?(las |mis |sus )?(pastillas|pildoras)\b/, { otherNow: true }),
  R('selfHarmIntent', 0.78, 'self-harm intent', /\bmiedo (de|a) lo que (me )?(pueda|podria|vaya a) hacer\b/),
  R('selfHarm', 0.6, 'self-harm', /\bme (queme|corte|golpee|lastime|arane|rasgue|pegue) (\w+ ){0,3}a proposito\b|\bme (golpeo|pego|lastimo|quemo|arano) (a mi mism[oa]|cuando)\b/),
  R('distress', 0.5, 'hopelessness', /\b(que|q|k) ganas (de|d) (morir(me)?|matarme|suicidarme|desaparecer|no existir)\b/),
  R('planWeak', 0.45, 'plan or method', /\btengo (una|un|el|la|mi) (pistola|arma|revolver|soga|cuerda)\b/),
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
  // Everyday things that "make me want to die" (with an inanimate subject, not a person's life) are hyperbole.
  /\b(traffic|homework|exam|exams|test|tests|class|meeting|meetings|song|weather|heat|queue|line|commute|game|show|episode|movie|assignment|essay|monday|mondays|wifi|internet|printer|lecture|lectures|math|chemistry|physics|code|bug|ads|cringe|video|meme|noise|smell|hangover)\b( \w+){0,3} (makes|made|make|is making) (me|you|u) (want to|wanna) (die|kill myself|kill yourself)\b/g,
  /\b(goodbye|bye|good night|night) (everyone|all|guys|folks|friends|yall|all of you) (see you|see ya|cya|talk (to you )?(soon|later|tomorrow|next)|until (next|tomorrow|monday|later)|till (next|tomorrow)|have a (good|nice|great)|back (soon|later|tomorrow|in))\b/g,
  /\b(could|can|i could) (just )?sleep (for )?(forever|days|a week|a year|for days|a whole day)\b/g,
  /\b(accidentally|accidently) (cut|burned|burnt|hurt) myself\b|\b(cut|burned|burnt|hurt) myself (shaving|cooking|chopping|on (a|the|my|some)|by accident|accidentally|while|at (work|the gym|practice)|playing|making|working out|lifting)\b/g,
  // Talk about suicide as a subject, not as one's own risk: prevention and support work, research, teaching, news
  // ("died by suicide"), fiction and titles. Only the compound is removed; anything first-person around it still counts.
  /\b(suicide|self harm) (prevention|awareness|rates?|research|statistics|stats|hotline|helpline|lifeline|crisis line|support (group|line|work|worker|services?)|support|scenes?|episode|storyline|risk (screening|assessment|factors)|training|first aid|is painless|loss survivors?|bereavement)\b/g,
  /\b(warning signs|signs|risk factors|statistics|research|thesis|dissertation|paper|study|studies|course|lecture|class|documentary|article|podcast|book|film|movie|song|talk|training|stigma|awareness) (on|about|of|into|around) (\w+ )?(suicide|self harm)\b/g,
  /\bhow to (ask|talk|speak) (to (someone|people|them|a friend) )?about (suicide|self harm)\b/g,
  // Names of services, scales and topics, and psychoeducation ("988 Suicide & Crisis Lifeline", "Columbia Suicide
  // Severity Rating Scale", "loss to suicide", "asking about suicide does not put the idea in their head").
  /\b(suicide|self harm)( and (suicide|self harm))? (and )?(crisis )?(lifeline|helpline|hotline|line|support|services?|centre|center|severity|rating scale|screener|bereavement|loss)\b/g,
  /\b(loss|losses|lost someone|bereaved|bereavement|survivors?) (to|by|of|after) suicide\b|\b(ask|asking|asked) (someone |them |people |directly )?about suicide\b|\b(means|methods|forms|types|signs) of self harm\b|\bmentions? (of )?(suicide|self harm)\b/g,
  /\b(thoughts of suicide|suicidal thoughts|suicidal feelings) (are|can be|is) (\w+ ){0,2}(common|normal|a sign|treatable|temporary|a symptom)\b/g,
  /\b(died|dies|both die|also die|they die|deaths? by) by suicide\b|\bdied by suicide\b|\b(ritual|mass|assisted|social|career|political|academic|commercial) suicide\b/g,
  // Mortality, not intent: "we are all going to die", "I'm going to die one day anyway, so…".
  /\b(were|we are|we will|we all|everyone is|everybody is|all of us are|we re) (all )?(going to|gonna|will) die\b|\b(going to|gonna|will) die (one day|someday|some day|eventually|at some point|of old age|in the end)\b/g,
  // "this exam is suicide": a task called suicide is hyperbole.
  /\b(exam|exams|test|tests|course|class|schedule|workload|deadline|week|semester|idea|move|plan|diet|workout|route|drive|shift|deal|level|boss fight|map) (is|was|would be|sounds like) (pure |basically |literally |absolute )?suicide\b/g,
  // Working oneself to death ("killing myself studying", "me voy a matar estudiando").
  /\b(killing|kill) myself (studying|working|revising|training|at the gym|over this|trying to (finish|get|keep|make))\b/g,
  /\b(me voy a matar|me estoy matando|me mato|matarme|nos vamos a matar) (estudiando|trabajando|entrenando|corriendo|a estudiar|a trabajar|con (este|esta|el|la) (examen|trabajo|proyecto|tarea))\b/g,
  // A threat against oneself over an everyday annoyance ("I'll kms if this game lags one more time").
  /\b(going to|will|ill|i will) (kill|shoot) myself if (this|the|that|my|one more|another) (\w+ ){0,2}(game|wifi|internet|printer|laptop|phone|app|server|traffic|meeting|lecture|class|homework|assignment|bug|queue|bus|train|song|ad|ads|lags?|crashes|freezes)\b/g,
  // Spanish.
  /\b(morir|morirme|muero|muriendo|moria|muera) de (la )?(risa|verguenza|pena|hambre|sueno|aburrimiento|calor|frio|envidia|ganas|cansancio|miedo|sed)\b/g,
  /\b(ya )?no (aguanto|puedo|soporto) (mas )?(con )?(este|esta|el|la|los|las|mi|mis|tanto|tanta) (calor|frio|trafico|tarea|tareas|ruido|examen|examenes|espera|jefe|vecino|vecinos|clase|clases|lluvia|hambre|sueno|tos|gripe|resfriado|semana|lunes|deberes)\b/g,
  /\b(me |volvi a |vuelvo a )*(cort\w*)( me)? (el|la|las|los|mi|mis|un|una) (pelo|cabello|flequillo|unas|barba|fleco|puntas|mechon|dedo|unas)\b/g,
  /\bme muero (de|por) (risa|hambre|ganas|sueno|frio|calor|verguenza|aburrimiento|sed|verte|ir|saber)\b/g,
  /\bmuert[oa] de (risa|hambre|cansancio|sueno|miedo|frio|verguenza)\b/g,
  /\b(me esta matando|me estan matando|me mata (el|la|este|esta|que))\b/g,
  /\b(mataria|me moriria) por\b/g,
];

/** Words that negate what follows within a few words ("I would never hurt myself", "nunca me haría daño"). */
export const NEGATORS = new Set(['not', 'never', 'no', 'dont', 'doesnt', 'didnt', 'wouldnt', 'wont', 'isnt', 'arent', 'wasnt', 'nunca', 'jamas', 'ni', 'nor', 'neither', 'couldnt', 'shouldnt']);
/** Words between a negator and a phrase that break the negation ("can't stop thinking about…", "not going to lie"). */
export const NEGATION_BREAKERS = new Set(['stop', 'help', 'but', 'know', 'sure', 'lie', 'anymore', 'wait', 'until', 'why', 'care', 'pero', 'se', 'aguanto']);

export const OTHER_PEOPLE = /\b(friend|friends|bestie|sister|brother|sis|bro|mom|mum|mother|dad|father|son|daughter|kid|child|partner|boyfriend|girlfriend|bf|gf|wife|husband|roommate|flatmate|cousin|aunt|uncle|student|coworker|colleague|classmate|she|he|they|her|him|them|someone|somebody|amigo|amiga|hermano|hermana|mama|papa|hijo|hija|novio|novia|esposo|esposa|ella|el)\b/;
export const SELF_PEOPLE = /\b(i|im|ive|id|ill|me|my|myself|yo|me|mi)\b/;

/** Markers that a clause talks about the past ("two years since my attempt", "I used to…"). */
export const PAST = /\b(ago|used to|in (19|20)\d\d|since (my|the)|back (then|when)|when i was|last year|(days?|weeks?|months?|years?) (clean|free|since|sober)|(self harm|cutting|sh) free|(clean|free) (from|of) (self harm|cutting)|was suicidal|survived|survivor|recovered|overcame|got through|made it through|after (years|months) of|llevo (\w+ ){1,3}sin|hace (\w+ )?(anos|meses)|desde mi intento|cuando era)\b/;
/** Words that make a story about the past a recovery story. */
export const RECOVERY = /\b((doing|feeling|getting|am|im) (\w+ ){0,2}better|(days?|weeks?|months?|years?) (clean|free|sober)|(self harm|cutting) free|(it|things) (does |do |will )?gets? better|learned|learnt|therapy (helped|helps|works)|(help|helping|support|supporting) others|(i )?(dont|do not) anymore|estoy (\w+ )?mejor|llevo (\w+ ){1,3}sin|glad (i am|im|to be|i stayed) (still )?(here|alive)|better place|it gets better|proud|grateful|thankful|recovery|recovering|healing|still here|hope|hopeful|estoy mejor|me siento mejor|sali adelante|agradecid[oa]|orgullos[oa])\b/;
/** Present-tense relapse markers that override a recovery story. */
export const RELAPSE = /\b(again|relapse|relapsing|lately|these days|right now|tonight|otra vez|de nuevo)\b/;
/** Someone asked the person about risk and they said no ("my therapist asked if I'm suicidal and I said no"). */
export const ASKED_AND_DENIED = /\b(ask|asks|asked|asking)( me)? (if|whether)\b.*\b(said|say|answered|told(?: \w+)?) (no|nope|not)\b/;
/**
 * A topic name, the way a tag, a label or a title names it ("suicidal thoughts", "Self-harm", "suicide loss",
 * "pensamientos suicidas"): no person and no verb, so nobody's risk is stated ("suicidal" alone is a statement, not a label). A message made only of such labels
 * (a tag list, a heading) is none; the same words in a sentence are read as usual.
 */
export const TOPIC_LABEL = /^#?(suicide( (prevention|awareness|loss|bereavement|risk|attempts?|survivors?|support|ideation))?|suicidal (thoughts|ideation|feelings|urges)|suicidality|(thoughts|feelings) of suicide|self ?harm(ing)?( (recovery|support|awareness))?|self ?injury|nssi|(asking|talking|talk) about (suicide|self ?harm)|autolesion(es)?|suicidio|pensamientos suicidas|ideacion suicida|prevencion del suicidio|duelo por suicidio|(drug )?overdoses?( (awareness|prevention|response|deaths?|risk))?|sobredosis|prevencion de sobredosis)$/;
/**
 * Guidance addressed to the reader: a condition on "you" (or on "this week", "anyone") with help or advice in the same
 * clause ("if you are having thoughts of suicide, you deserve support", "be honest about thoughts of suicide if you
 * have had them", "if this week included thoughts of suicide, please tell someone"). Psychoeducation, a resource page
 * or a peer's advice: nobody's risk is stated. Only in a clause with no first person ("if you're reading this, I'm
 * already gone" is the author's).
 */
export const GUIDANCE_IF = /\b(if|si|when|whenever|cuando)\b( \w+){0,3} (you|youre|your|yourself|this week|this month|anyone|someone|tu|usted|alguien|esta semana)\b|\b(you|your|yourself) (\w+ ){0,6}if\b|\b(si|cuando) (ya )?(no )?(quieres|tienes|sientes|piensas|estas|te)\b/;
export const GUIDANCE_HELP = /\b(support|help|reach out|talk|tell|ask|call|text|crisis|lifeline|988|doctor|gp|counsell?or|professional|therapist|emergency|trust|honest|safe|deserve|please|not alone|directly|get help|ayuda|habla|llama|cuentale|pide|mereces|apoyo|profesional|emergencias)\b/;
/** Joking tone. */
export const JOKING = /\b(lol|lmao|lmfao|haha\w*|jk|jaja\w*|xd)\b|😂|🤣|💀/;

/**
 * "You" said to someone (lexicon for rules.ts `readsAsGeneric`): a question ("why do you…", "what makes you…"), what
 * they said ("you said you…"), the writer speaking to them ("I know you…", "sorry you…"), or advice ("you should talk
 * to…", "you deserve…"). Any of these makes a second-person phrase a reply to someone.
 */
export const ADDRESSING_YOU = /^(so |and |but |ok |okay |wait |then |hey |hi |honestly )?(why|how come|what|whats|when did|since when|how long|how often|do|does|did|dont|didnt|are|arent|have|havent|would|wouldnt|should)\b( \w+){0,2} (you|u|ya|youre)\b|\b(are|do|did|have|would|were|will|can|could|should) (you|u)\b|\b(you|u|youve) (said|say|says|told|tell|mentioned|mention|wrote|written|write|posted|post|texted|keep saying|sound|sounds|seem|seems|seemed|sounded)\b|\b(tell|ask|remind|show) (them|him|her|people|someone|everyone|your \w+) (that )?(you|u)\b|\b(you|u) (just )?(cant|cannot|shouldnt|mustnt) (end|kill|die|give up|do (that|this|it))\b|\b(i|im|ive|id|we)( \w+)? (know|hear|get|understand|see|believe|hope|sorry|glad|promise|love|care|worry|worried|realize|noticed|can tell|wish|think|feel)( that| how)? (you|u|youre)\b|\b(sorry|sounds like|seems like|it sounds|looks like)( that)? (you|u|youre)\b|\b(you|u) (should|need to|have to|must|deserve to|can|could) (\w+ )?(talk|tell|call|text|reach|get help|see|ask|message|dm|contact|try|go to)\b|\b(you|u) (deserve|are not alone|arent alone|matter|are loved|are valued)\b|^(op|hey|hi|hello|dear|hun|hon|babe|mate|buddy|oye)\b|^(por que|para que|de verdad|acaso)\b|\b(dijiste|dices|escribiste|comentaste)\b/;
/**
 * "You" or "uno" as the writer in general terms (a declarative about what a state does to a person): "it makes you want
 * to die", "you just want to disappear", "some days you feel like ending it all", "when you're this tired you stop
 * wanting to live", "te dan ganas de morir", "llega un punto en que te quieres morir".
 */
export const GENERIC_YOU = /\b(makes|made|making|gets|got|leaves|drives|drove|pushes|pushed) (you|u) (\w+ )?(want|wanna|wish|feel|think|wonder|start|stop|question|consider|hate|just)\b|\b(you|u) (stop|stopped|stops) (wanting|caring|trying|feeling|believing|seeing|hoping)\b|\b(you|u) (just|start|started|starting|begin|began|eventually|slowly|end up|kind of|kinda|sort of|simply|genuinely|wake up|lie awake|lay awake|go to bed|sit there|get to|feel like|felt like)\b|\b(you|u) (know|get) (that|the) (feeling|point|moment|stage)\b|\b(some days|somedays|sometimes|some nights|most days|most nights|on bad days|at some point|eventually|after a while|after (a|an|two|three|few|several|many|years|months|weeks|days)|at a certain point|at that point|(a|the) (point|stage|moment|place) (where|when|that)|days (where|when)|nights (where|when)|times (where|when)|moments (where|when)|there are (days|times|moments|nights))\b( \w+){0,6} (you|youre|u)\b|^(when|whenever|once|after|by the time)\b.*\b(you|youre|u)\b.*\b(you|u)\b|\b(te|le) (dan|da|entran|entra|vienen|viene) ganas\b|\b(a veces|algunos dias|hay (dias|momentos|veces|noches)|llega un (punto|momento)|cuando (ya )?(estas|te))\b/;
/** A risk phrase in the second person ("kill yourself", "te quieres morir", "quieres morir"). */
export const SECOND_PERSON_PHRASE = /\b(yourself|your life|your own life|te|quieres|morirte|matarte|suicidarte|quitarte)\b/;
/**
 * "I'd rather kill myself than sit through another meeting": hyperbole when what follows "than" is an everyday thing
 * (concern at most; rules.ts). Anything else ("than go back to him", "than live like this") is read as usual.
 */
export const RATHER_MUNDANE = /\b(id|i would|i d|would|i)( honestly| literally| genuinely| seriously| just| actually| much)? (rather|sooner) (just )?(kill|shoot|hang) myself (than|then)( \w+){0,6}? (meeting|meetings|lecture|lectures|class|classes|seminar|party|parties|wedding|gym|dentist|homework|project|presentation|exam|test|quiz|essay|taxes|laundry|dishes|karaoke|movie|film|show|song|episode|game|traffic|queue|line|commute|zoom|email|emails|spreadsheet|shopping|mall|brunch|dinner|lunch|breakfast|small talk|icebreaker|concert|ads?|sequel|season|vegetables|broccoli|monday|mondays|paperwork|report|conference|webinar|workshop|standup|stand up|networking|reunion|tiktok|podcast|musical|opera|recital|assignment|coursework|chores|errands|practice|rehearsal|commercial|playlist|album|soap|sitcom|quarterly|call)\b|\b(prefiero|preferiria) (matarme|morirme|suicidarme) (que|antes que|a)( \w+){0,6}? (reunion|reuniones|clase|clases|fiesta|boda|gimnasio|dentista|tarea|tareas|deberes|proyecto|examen|examenes|presentacion|impuestos|platos|karaoke|pelicula|serie|cancion|partido|trafico|cola|llamada|correos?|compras|cena|comida|almuerzo|desayuno|concierto|anuncios?|verduras|brocoli|lunes|papeleo|informe|conferencia|taller|reggaeton)\b/;
/** What after "than" makes it more than an everyday comparison (living, a person, a place of care or harm). */
export const RATHER_SERIOUS = /\b(live|living|life|alive|exist|go on|face|him|her|them|home|hospital|ward|psych|prison|jail|rehab|abuse|abuser|pain|tomorrow|another day|family|parents|therapy|vivir|vida|ella|casa|carcel|dolor)\b/;
