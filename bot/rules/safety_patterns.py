"""The safety check's words (English): what danger now, thoughts of self-harm, "no danger" and
"told afterwards" look like in residents' own messages. bot/rules/safety.py applies them.

Each list was grown case by case from tests/safety_cases.yml (written in part apart from these
rules); a change here is measured by `make safety-report`, and tests/rules/test_safety.py holds
every case. The helpers starting with _ are shared pieces of the patterns.
"""

_ME = r"(?:me|us|my|mine|him|her|them|my\s+\w+|our\s+\w+)"
# People a passer-by may see attacked ("a guy in a turban", "an old lady", "my mate"), not "the bags".
_PEOPLE = (r"(?:man|men|woman|women|guy|guys|bloke|lad|lads|boy|boys|girl|girls|kid|kids|child|children|person|people|"
           r"lady|family|dad|mum|father|mother|son|daughter|brother|sister|friend|mate|wife|husband|neighbour|driver|student)")
_SOMEONE = (r"(?:someone|somebody|him|her|them|me|us|people|everyone|(?:a|an|the|some|this|that|my|our|his|her|their)"
            r"\s+(?:\w+\s+){0,2}" + _PEOPLE + r")\b")
_HOME = r"(?:house|home|door|flat|window|room|place|building|shop|car|bungalow|gate|front\s+door|back\s+door)"
_PERSON = (r"(?:someone|somebody|people|a\s+(?:man|woman|guy|bloke|lad|group|gang|load)|men|lads|guys|youths|"
           r"kids|boys|girls|they|he|she|them|gang|group|neighbours?|hes|shes|theyre|he's|she's|they're)")
# Why someone cannot speak: they are hiding, or the attacker would hear.
_HIDING = (r"\b(?:hear|hears|hiding|hide|hid|quiet|whisper\w*|downstairs|upstairs|next\s+room|in\s+the\s+(?:house|flat|"
           r"room|hall))\b")
# "hurt myself playing football", "cut myself a fringe": not self-harm.
_NOT_AN_ACCIDENT = (r"(?!\s+(?:a|an|some|on|playing|at\s+(?:work|football|the\s+gym)|doing|by\s+accident|"
                    r"shaving|cooking))")
_VIOLENCE = (r"(?:attacking|hitting|beating|punching|kicking|chasing|stabbing|threatening|strangling|choking|"
             r"hurting|assaulting|battering|shoving|pushing|dragging|stamping\s+on|smashing)")

SELF_HARM_PATTERNS = [
    r"\bkill(?:ing)?\s+(?:my|him|her|them)\s*sel(?:f|ves)\b",
    r"\bend(?:ing)?\s+(?:it\s+all|my\s+life|everything|it\s+now)\b",
    r"\bsuicid\w*",
    r"\bself[\s-]*harm\w*",
    r"\b(?:hurt|harm|cut|cutt|burn|starv|punch)(?:ing|s)?\s+my\s*self\b" + _NOT_AN_ACCIDENT,
    r"\b(?:don'?t|do\s+not|dont)\s+want\s+to\s+(?:live|be\s+alive|be\s+here|wake\s+up|exist|go\s+on)\b",
    r"\b(?:want|wants|wanted|wanna|going)\s+(?:to\s+)?die\b|\bways\s+to\s+(?:die|end\s+(?:it|things))\b|\bend\s+things\b",
    r"\b(?:better\s+off|rather\s+be)\s+dead\b|\bi'?d\s+rather\s+die\b",
    r"\bwish\s+i\s+(?:was|were|'?d\s+been)\s+dead\b|\bwish\s+i\s+(?:could|would)\s+(?:die|not\s+wake\s+up)\b",
    r"\b(?:better\s+off|happier)\s+without\s+me\b",
    r"\b(?:no\s+one|nobody|noone)\s+(?:would|will|'?d)\s+(?:even\s+)?(?:miss|notice|care\s+if)\b",
    r"\b(?:take|took|taking|taken)\s+my\s+(?:own\s+)?life\b",
    r"\b(?:take|took|taken|taking|swallowed)\s+(?:too\s+many|all\s+(?:my|the|of\s+my)|a\s+(?:load|lot|bunch|handful)\s+of|"
    r"loads\s+of|lots\s+of)\s+(?:pills|tablets|paracetamol|meds|medication)\b",
    r"\bno\s+(?:reason|point)\s+(?:to|in)?\s*(?:live|living|go\s+on|going\s+on|carry\s+on|carrying\s+on|being\s+here)\b",
    r"\b(?:see|seeing)\s+the\s+point\s+(?:any\s*more|in\s+(?:anything|living|life|going\s+on|carrying\s+on))\b",
    r"\b(?:thinking|thought|planning|planned)\s+(?:about\s+)?how\s+(?:i'?d|i\s+would|i'?ll|i\s+will|to)\s+do\s+it\b",
    r"\b(?:want|going|about)\s+to\s+jump\b",
    r"\b(?:standing|stood|sat|sitting)\s+on\s+(?:the|a)\s+(?:edge|ledge|bridge|roof|railway\s+line|tracks)\b",
    r"\bedge\s+of\s+(?:the\s+|a\s+)?(?:roof|multi[\s-]?storey|bridge|building|cliff)\b",
    r"\bcan'?t\s+go\s+on\b",
    r"\boverdose\b",
    r"\b(?:nothing|no\s+one|nobody)\s+(?:left\s+)?to\s+(?:live|fight)\s+for\b|\b(?:tired|sick)\s+of\s+(?:living|life|being\s+alive)\b",
    r"\b(?:not|isn'?t)\s+worth\s+(?:living|being\s+alive)\b|\blife\s+(?:is\s+not|isn'?t)\s+worth\b",
    r"\bhang\s+my\s*self\b|\bslit\s+my\s+(?:own\s+)?wrists?\b|\bjump\w*\s+off\s+(?:a|the|this)\b",
    r"\bunaliv\w*|\b(?:i'?m|i\s+am|i\s+feel\s+like)\s+(?:a\s+|such\s+a\s+)?waste\s+of\s+space\b|\bkys\b|\bmy\s+(?:own\s+)?funeral\b|\bscared\s+of\s+waking\s+up\b",
    r"\b(?:point|sense)\s+(?:in|of|to)\s+(?:carrying\s+on|going\s+on|keep\s+going|living|life|live)\b",
    r"\b(?:started|start|been|keep|kept)\s+(?:cutting|burning|scratching|hurting|harming)\b|\bcutting\s+again\b",
    r"\b(?:cut|cutting|burned|burnt|burning|scratching|hitting|hit|punishing|punching)\s+(?:my\s*self|my\s+(?:arms?|legs?|"
    r"wrists?|skin|head))\b" + _NOT_AN_ACCIDENT,
    # Putting affairs in order is a warning sign too.
    r"\b(?:sorted|made|written|wrote)\s+(?:out\s+)?my\s+will\b|\brehomed\s+my\s+(?:cat|dog|pets?)\b",
    r"\bnearly\s+didn'?t\s+come\s+(?:home|back)\b|\b(?:standing|stood)\s+(?:there\s+)?looking\s+down\b",
    r"\bhow\s+many\s+(?:of\s+my\s+)?\w+\s+(?:it\s+)?(?:would|does|will)\s+(?:it\s+)?take\b",
    r"\b(?:notice|care|miss\s+me)\b[^.!?]{0,20}\bi'?m\s+gone\b|\brather\s+have\s+a\s+dead\b",
    r"\b(?:easy|easier)\s+(?:it\s+)?(?:would\s+be\s+)?to\s+(?:step\s+off|jump|end\s+it)\b",
    r"\brazor\s*blades?\b|\bwith\s+a\s+razor\b|\b(?:bought|got|have|found)\s+(?:a|the)\s+rope\b",
    r"\b(?:would|'d|will)\s+(?:manage|be\s+fine|be\s+better|cope|be\s+happier|have\s+an\s+easier\s+life)\b[^.!?]{0,30}"
    r"\b(?:without\s+me|if\s+i\s+(?:wasn'?t|was\s+not|weren'?t)\s+(?:around|here|alive))",
    r"\bif\s+i\s+(?:went|was\s+gone|died|am\s+not\s+alive|wasn'?t\s+alive)\b|\bnot\s+alive\s+any\s*more\b",
    r"\b(?:easier|better)\s+for\s+(?:everyone|everybody|them|my\s+family)\s+if\s+i\s+(?:wasn'?t|was\s+not|weren'?t)\s+"
    r"(?:around|here|alive)\b",
    r"\bno\s+want\s+(?:to\s+)?live\b|\b(?:finish|end|take)\s+my\s+(?:own\s+)?life\b|\bthink\w*\s+(?:about|of)\s+ending\b",
    r"\b(?:wouldn'?t|won'?t|didn'?t|don'?t|never)\s+wake\s+up\b|\btakes?\s+me\s+in\s+my\s+sleep\b",
    r"\b(?:rather|just|want\s+to|wish|hope|hoping)\s+(?:i\s+)?(?:just\s+)?(?:not|never|wouldn'?t|didn'?t)\s+wake\s+up\b",
    r"\bwon'?t\s+be\s+(?:here|around|alive)\s+(?:after|by|much|for\s+long|any\s*more|tomorrow|next)\b",
    r"\b(?:step|stepping|jump|jumping|walk|walking|throw\s+my\s*self)\s+(?:off|in\s+front\s+of|into)\s+(?:the\s+|a\s+)?"
    r"(?:train|platform|canal|river|sea|traffic|road|tracks|lorry|bus)\b",
    r"\b(?:holding|got|have|had)\s+(?:all\s+)?(?:my|the)\s+(?:\w+\s+)?(?:pills|tablets)\b|\b(?:pills|tablets)\s+(?:out|on\s+the\s+"
    r"table|in\s+front\s+of\s+me)\b|\ball\s+my\s+(?:\w+\s+)?(?:pills|tablets)\b",
    r"\btell\s+my\s+(?:mum|mom|dad|family|kids|wife|husband|partner)\s+(?:i'?m|i\s+am)\s+sorry\b|\bgoodbye\s+message\b",
    r"\bwon'?t\s+(?:have\s+to\s+worry\s+about\s+me|be\s+needing\s+(?:them|it|these|this))\b",
    r"\bmake\s+it\s+through\s+(?:tonight|the\s+night)\b|\balive\s+by\s+(?:christmas|next|the\s+end)\b",
    r"\b(?:doing|do)\s+the\s+world\s+a\s+favour\b|\bdeserve\s+to\s+(?:die|be\s+hurt|suffer)\b",
    r"\b(?:finished|done|had\s+enough)\s+with\s+(?:life|living)\b|\blived\s+long\s+enough\b|\bhaving\s+done\s+with\s+it\b",
    r"\bif\s+(?:a\s+car|a\s+bus|something|someone)\s+(?:hit|killed)\s+me\b|\bonly\s+(?:one|1)\s+way\s+out\b",
    r"\bknow\s+how\s+and\s+when\b|\bcan'?t\s+see\s+(?:a|any)\s+future\b|\bdon'?t\s+want\s+to\s+keep\s+going\b",
    r"\b(?:can'?t|cannot|cant)\s+(?:take|cope\s+with|do|handle)\s+(?:it|this|life)\s+any\s*more\b"
    r"|\b(?:can'?t|cannot|cant)\s+cope\s+any\s*more\b",
    r"\b(?:want|wanna)\s+(?:it\s+all|everything|my\s+life)\s+to\s+(?:end|stop)\b",
    r"\b(?:sleep|disappear)\s+(?:forever|for\s+ever|and\s+never\s+wake)\b|\bnever\s+wake\s+up\b",
    r"\b(?:going\s+to|gonna|want\s+to|wanna|thinking\s+(?:of|about))\s+(?:end|ending)\s+it\b",
    r"\b(?:cut|cutting|slit|slitting|slashed|slashing)\s+my\s+(?:wrists?|arms?|legs?|skin)\b",
    r"\b(?:i'?m|i\s+am)\s+(?:just\s+)?a\s+burden\b|\bburden\s+(?:to|on)\s+(?:everyone|my\s+family|them|you\s+all)\b",
    r"\b(?:can'?t|cannot|cant)\s+see\s+(?:a|any)\s+way\s+out\b|\bno\s+way\s+out\b",
    r"\bnot\s+(?:be|being)\s+(?:here|around|alive)\s+any\s*more\b|\bwon'?t\s+be\s+(?:here|around)\s+(?:tomorrow|much\s+longer)\b",
    r"\b(?:stop|cease\s+to)\s+exist(?:ing)?\b|\bunalive\b|\boff\s+my\s*self\b|\bkms\b",
    r"\bin\s+front\s+of\s+a\s+(?:train|bus|lorry|car|truck)\b",
    r"\b(?:pills|tablets)\s+(?:lined\s+up|saved\s+up|ready|stockpiled)\b|\bsaving\s+up\s+(?:my\s+)?(?:pills|tablets)\b",
    r"\b(?:suicide|goodbye)\s+(?:note|letter)s?\b|\bwritten\s+(?:a\s+)?(?:note|letters?)\s+(?:to|for)\s+(?:my|everyone)\b",
    r"\bdo\s+something\s+stupid\b|\b(?:drink|drown|starve)\s+my\s*self\b",
    r"\b(?:world|everyone|everybody|family|they|kids)\s+(?:would\s+be\s+|'?d\s+be\s+)?better\s+(?:off\s+)?without\s+me\b",
    r"\bgive\s+up\s+on\s+(?:life|living|everything)\b|\bwhat'?s\s+the\s+point\s+(?:of\s+)?(?:living|life|"
    r"anything|going\s+on|any\s*more)\b",
]

DANGER_PATTERNS = [
    # Weapons, fire and explosives.
    r"\b(?:knife|knives|knif|kinfe|nife|machetes?|swords?|gun|guns|shotgun|pistol|firearm|weapons?|blade|"
    r"acid|hammer|baseball\s+bat|bats|crowbar|petrol(?!\s+station)|molotov|fire\s*bomb\w*|arson)\b",
    r"\b(?:set|setting|sets|lit|light|lighting)\s+(?:fire|light)\b",
    r"\b(?:on\s+fire|fire\s+to|burn(?:ing|t)?\s+(?:down|my|our|the|us))\b",
    r"\b(?:something|rag|paper|firework|stuff)s?\s+(?:burning|alight|lit)\b|\b(?:burning|lit)\s+\w+\s+(?:through|into|at)\b",
    r"\balight\b|\bablaze\b",
    r"\b(?:brick|stone|rock|bottle|something|firework|one)s?\s+(?:has\s+|have\s+)?(?:just\s+)?(?:come|came|gone|went|been\s+thrown)"
    r"\s+(?:through|thru|in)\b",
    r"\bsmoke\s+(?:in|coming|everywhere|under|from|filling)\b|\bfull\s+of\s+smoke\b",
    r"\bexplosive|\b(?:a|the)\s+bomb\b(?!\s+boy)",
    # An attack or chase in progress, on the person or in front of them.
    r"\b(?:is|are|'s|'re|keep|keeps|still)\s+" + _VIOLENCE + r"\s+" + _ME,
    r"\bbeen\s+(?:chasing|following|stalking|threatening)\s+" + _ME + r"(?!\s+(?:on|online))",
    r"\b(?:is|are|'s|'re|keep|keeps|still)\s+" + _VIOLENCE + r"(?:\s+up)?\s+" + _SOMEONE,
    r"(?<!after )(?<!since )(?<!about )(?<!from )(?<!for )(?<!reported )(?<!report )"
    r"\bbeing\s+(?:attacked|followed|chased|beaten|beat|hit|threatened|"
    r"assaulted|stalked|hurt|strangled|choked|kicked|punched)\b",
    r"\b(?:attacking|beating|chasing|stabbing|strangling|choking)\s+(?:me|us)\b",
    r"\bfollow(?:s|ing|ed)?\s+(?:me|us)\b[^.!?]{0,30}\b(?:home|now|right\s+now)\b",
    r"\bfollowing\s+(?:me|us)\b(?!\s+(?:on|online))",
    r"\bjust\s+(?:got\s+|been\s+)?(?:attacked|hit|punched|kicked|stabbed|assaulted|beat|beaten|shoved|pushed|"
    r"knocked|thrown|dragged|glassed)\b",
    r"\b(?:been|got|was|is)\s+stabbed\b|\b(?:has|have|'s|'ve)\s+(?:just\s+)?been\s+(?:punched|glassed|slashed|beaten\s+up)\b",
    r"\bblood\s+(?:from|on|coming|everywhere|pouring|all\s+over)\b|\bcan'?t\s+breathe\b|\bcome\s+(?:quick|quickly|fast|now|asap)\b|\bemergen?[ac]y\s+(?:please|pleese|pls|help)\b",
    r"\b(?:bleeding|unconscious|not\s+breathing|(?:isn'?t|is\s+not|'s\s+not|he\s+not|she\s+not)\s+(?:moving|breathing|getting\s+up|"
    r"waking\s+up)"
    r"|(?:is|are|'s|'re|'m|am|lying|lay|laid|knocked|pushed|shoved|fell|fallen|collapsed|he|she|dad|mum|now)\s+(?:down\s+)?"
    r"(?:on|onto|to)\s+"
    r"(?:the\s+)?(?:ground|floor|pavement|road|tracks))\b",
    # Someone at the door, trying to get in, or keeping the person from getting away.
    r"\b" + _PERSON + r"\s+(?:(?:is|are|'s|'re|still|stood|standing|waiting|hanging|around|sat|sitting|lurking|"
    r"gathered|gathering|keep|keeps|been|have|has|with\s+\w+)\s+){0,3}outside\s+(?:my|our|the)\s+" + _HOME + r"\b",
    r"\bthere(?:'s|\s+is|\s+are|'re)\s+(?:a\s+|some\s+|two\s+|three\s+|about\s+\w+\s+)?(?:\w+\s+)?"
    r"(?:man|men|woman|women|lads|guys|youths|kids|boys|girls|people|gang|group|someone|somebody)\b[^.!?]{0,20}"
    r"\boutside\b",
    r"\boutside\s+(?:my|our|the)\s+" + _HOME + r"\b[^.!?]{0,30}\b(?:shouting|banging|throwing|waiting|standing|"
    r"smashing|kicking|screaming|with\s+a)\b",
    r"\bat\s+(?:my|our|the)\s+(?:front\s+|back\s+)?(?:door|gate|window)\b",
    r"\b(?:banging\s+on|kick|kicking|kicking\s+in|smash|smashes|smashing|break|breaks|breaking|rattling|trying)\s+"
    r"(?:my|our|the)\s+(?:\w+\s+)?(?:door|doors|window|windows|letterbox)\b",
    r"\b(?:trying|try|tryna)\s+to\s+(?:get\s+in(?:to|side)?|break\s+in|kill|hurt|attack|stab|grab|drag|pull|snatch|take)\b",
    r"\b(?:they'?re|they\s+are|he'?s|he\s+is|she'?s|someone'?s|someone\s+is)\s+(?:coming|getting|breaking)\s+in\b",
    r"\bbang\w*\s+on\s+(?:the\s+|my\s+|our\s+)?(?:door|window)s?\b|\bfired\s+at\s+(?:my|our|the)\s+(?:house|window|door)\b",
    r"\b(?:break|breaking|smash|smashin|smashing|breakin)\w*\s+(?:the\s+)?(?:glass|windows?|doors?)\b",
    r"\bgrabb?\w*\b[^.!?]{0,20}\bby\s+the\s+(?:neck|throat|hair|collar)\b|\bpinned\b",
    r"\b(?:crawling|driving|walking|creeping)\s+(?:slowly\s+)?behind\s+(?:me|us)\b|\blooking\s+for\s+(?:me|us)\b",
    r"\bhiding\s+(?:behind|under|in|upstairs|downstairs)\b",
    r"\b(?:threw|thrown|throwing|chucked)\s+(?:something|a\s+liquid|liquid|stuff)\s+(?:at|over|in)\b|\bskin\s+is\s+burning\b",
    r"\bpoured\s+(?:something|liquid|stuff)\b|\blighters?\b",
    r"\btonight\b[^.!?]{0,30}\b(?:coming|come)\s+back\b",
    r"\bbreak(?:ing)?\s+in\b",
    r"\b(?:in|inside)\s+(?:my|our|the)\s+(?:house|home|flat|garden)\b.*\b(?:now|right\s+now)\b",
    r"\b" + _PERSON + r"\b(?!\s+else)[^.!?]{0,30}\b(?:in|inside)\s+(?:my|our|her|his|their|the)\s+(?:\w+'s\s+)?"
    r"(?:garden|hall|kitchen|yard|hallway|stairs|landing|bedroom|back\s+yard)\b",
    r"\b(?:someone|somebody|they'?re|they\s+are|he'?s|he\s+is|she'?s|she\s+is|there'?s\s+someone)\s+(?:is\s+)?"
    r"(?:in|inside)\s+(?:my|our|the)\s+(?:house|home|flat)\b",
    r"\b(?:getting|got|right)\s+(?:right\s+)?in\s+(?:my|her|his|their|our)\s+face\b",
    r"\b(?:they'?re|they\s+are|he'?s|she'?s|he\s+is|she\s+is)\s+coming\s+(?:back|round|over|for|to\s+get)\b",
    r"\bon\s+(?:their|his|her)\s+way\s+(?:here|round|over|back)\b|\bpinned\s+(?:me|him|her|us)\b",
    r"\b(?:grabbing|grabbed|pulling|pulled|ripping|ripped|tearing|tore)\s+(?:at\s+|off\s+)?(?:my|her|his|our)\s+(?:\w+'s\s+)?"
    r"(?:hijab|scarf|headscarf|turban|niqab|kippah|patka|hair|arm)\b",
    r"\b(?:won'?t|wont|will\s+not)\s+(?:leave|go\s+away|let\s+(?:me|us)\s+(?:go|leave|out|past|through))\b"
    r"(?!\s+(?:the|my|his|her|their|our)\s+(?:house|home|flat|room|bed|bedroom))",
    r"(?<!feel )(?<!feels )(?<!feeling )(?<!felt )"
    r"\b(?:trapped|surrounded|surrounding\s+(?:me|us)|cornered|hiding\s+from)\b",
    r"\blocked\s+(?:my\s*self|our\s*selves|me|us)\s+in\b|\b(?:keep|keeps|are|is|'re|'s)\s+circling\b",
    r"\b(?:can'?t|cannot|cant)\s+get\s+(?:away|past|out)\b",
    r"\bwaiting\b[^.!?]{0,30}\bfor\s+(?:me|us)\b",
    r"\b(?:they'?re|they\s+are|theyre|he'?s|hes|he\s+is|she'?s|she\s+is)\s+(?:still\s+)?outside\b",
    r"\b(?:are|is|'re|re|'s)\s+throwing\s+.{0,40}\bat\s+(?:me|us|my|our|the)\b",
    r"\bthrowing\s+(?:stones|bricks|eggs|bottles|rocks|things|stuff)\s+at\b",
    r"\b(?:keeps?|kept)\s+driving\s+(?:past|by|round)\b",
    # Cannot speak: hiding, or the attacker would hear (the 999 answer has the Silent Solution).
    r"\b(?:can'?t|cannot|cant|unable\s+to)\s+(?:talk|speak|make\s+a\s+sound|ring|call|phone)\b.{0,60}" + _HIDING,
    _HIDING + r".{0,60}\b(?:can'?t|cannot|cant|unable\s+to)\s+(?:talk|speak|make\s+a\s+sound|ring|call|phone)\b",
    r"\b(?:call|ring|phone|dial)\s+(?:999|the\s+police|police)\s+(?:quietly|silently|without\s+(?:talking|speaking))\b",
    # Threats of what is about to happen.
    r"\b(?:going\s+to|gonna|gunna|gona|will|'ll|ll)\s+(?:kill|stab|shoot|burn|hurt|attack|beat|batter)\s+"
    r"(?:me|us|you|him|her|them|my|our|your|every\w*|some\w*|the)\b(?!\s+(?:if|when)\b)",
    # A threat against the person or their own ("threatened to burn our house"), not one told of others.
    r"\bthreaten(?:ed|ing|s)?\s+to\s+(?:kill|stab|shoot|burn|hurt|attack|beat|batter)\b[^.!?]{0,30}\b(?:me|us|my|our)\b",
    r"\bdo\s+(?:us|me|him|her|them)\s+(?:in|over|proper|properly)\b|\bslit\s+(?:my|your|her|his|their)\s+throat\b|\bsmash\s+(?:my|our|his|her|your)\s+(?:face|head|windows?|door|car)\b",
    r"\b(?:coming|come|be)\s+back\s+(?:tonight|later|tomorrow|with|to\s+(?:finish|get|sort|do))\b",
    r"\b(?:'ll|will)\s+be\s+back\b",
    r"\bwe\s+know\s+where\s+you\s+live\b|\b(?:saying|said|says|text\w*|wrote|message\w*)\s+(?:that\s+)?(?:they|he|she)\s+"
    r"knows?\s+where\s+(?:i|we)\s+live\b"
    r"|\b(?:you'?re|your|ur|you\s+are|i'?m|we'?re)\s+(?:finished|dead|next)\b(?!\s+(?:with|for|to|tired))",
    r"\bkill\s+(?:me|us|him|her|them|my)\b(?!\s+(?:if|when)\b)",
    r"\bthreatening\s+" + _ME,
    # Plain statements of danger or a call for help now.
    r"\b(?:in|into)\s+danger\b",
    r"\b(?:not|n'?t)\s+safe\b",
    r"\bunsafe\b",
    r"(?<!if )\b(?:it'?s|its|this\s+is)\s+an\s+emergency\b",
    r"(?<!they )(?<!would )(?<!will )(?<!to )(?<!can )(?<!could )\bhelp\s+(?:me\s+)?(?:please\s+)?"
    r"(?:now|quick|quickly|asap|fast|urgently)\b",
    r"\bhelp+\s*!+|\bhelpp+\b|\bhelp\s+help\b",
    r"^\W*(?:emergency|urgent|sos)\W*$",
    r"\b(?:scared|afraid|fear|fearing|frightened|terrified)\s+for\s+(?:my|our|his|her|their)\s+li(?:fe|ves)\b",
    r"\bsend\s+(?:the\s+|an\s+)?(?:police|ambulance|help|cops)\b",
    r"\b(?:send|need|get)\s+(?:the\s+|an\s+)?(?:police|ambulance|cops)\s+(?:now|quick|asap|urgently|here)\b",
    r"\bhappening\s+(?:now|right\s+now)\b",
    r"\b(?:attack|attacked|assault|assaulted|hurt|injured|hit|punched|kicked|pushed|beat|stabbed)\s+(?:\w+\s+){0,3}"
    r"(?:right\s+now|just\s+now|now)\b(?!\s+(?:i|i'?ve|i'?m|they|we|he|she)\b)",
]

# Phrases that say the opposite ("I'm not in danger", "it's not an emergency").
NEGATED = [
    r"\b(?:not|no\s+longer|n'?t|never|wasn'?t|isn'?t|no)\s+(?:in\s+)?(?:any\s+)?(?:danger|an\s+emergency|at\s+risk)\b",
    r"\bnon[\s-]?emergency\b",
    r"\bnot\s+urgent\b",
    r"\b(?:not|isn'?t|n'?t)\s+happening\s+(?:right\s+)?now\b",
]

_DAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_COUNT = r"(?:\d+|a|an|one|two|three|four|five|six|few|couple\s+of|several|many)"
# A time that is over, or words that say the danger is over.
OVER = [
    r"\b(?:yesterday|overnight|last\s+(?:night|week|weekend|month|year|term|summer|winter|spring|autumn|time|"
    + _DAY + r"))\b",
    r"\b" + _COUNT + r"\s+(?:days?|weeks?|months?|years?)\s+ago\b|\bages\s+ago\b",
    r"\b(?:back\s+)?in\s+" + _MONTH + r"\b|\bon\s+" + _DAY + r"\b",
    r"\bfor\s+(?:about\s+|over\s+|nearly\s+|almost\s+)?" + _COUNT + r"\s+(?:weeks?|months?|years?)\b",
    r"\b(?:i'?m|im|i\s+am|we'?re|we\s+are|i\s+got|we\s+got|he'?s|she'?s|they'?re|he\s+is|she\s+is)\s+(?:physically\s+)?"
    r"(?:home|safe|ok|okay|fine|alright|away)(?:\s+now)?\b",
    r"\bin\s+the\s+(?:spring|summer|autumn|winter|holidays)\b|\bearlier\b|\b(?:he|she|they)'?d\s+(?:left|gone)\b",
    r"\b(?:is|would|does|could|can)\s+(?:\w+\s+){0,8}(?:be\s+)?(?:a\s+|classed\s+as\s+|counted\s+as\s+)?hate\s+(?:crime|incident)\b"
    r"|\bdoes\s+(?:it|that|this)\s+count\b",
    r"\b(?:they|he|she)\s+(?:ran|run)\s+off\b|\b(?:they'?ve|they\s+have|he'?s|he\s+has|she'?s|she\s+has)\s+(?:gone|left)\b",
    r"\b(?:was|got|were|been)\s+arrested\b|\bever\s+since\b|\bsince\s+(?:i|we|he|she|they|then)\b",
    r"\bkept\b|\b(?:we|i)\s+(?:walked|got|ran)\s+away\b|"
    # Afraid of what might happen if they report: a worry, not danger now.
    r"\b(?:scared|afraid|worried|frightened|fear)\b[^.!?]{0,15}\b(?:they|he|she)\s*(?:'ll|will|might|would|could)\b|"
    r"\bhad\s+(?:been\s+)?\w+ed\b|\bgave\s+a\s+statement\b|\breported\s+(?:it|him|her|them)\b",
    r"\b(?:now\s+or\s+)?is\s+it\s+too\s+late(?:\s+now)?\b|\btoo\s+late\s+now\b",
    r"\b(?:been\s+)?(?:convicted|charged|sentenced|in\s+prison)(?:\s+now)?\b",
    # Asking what to do if it ever happens: not happening now.
    r"\b(?:what|how)\s+(?:should|do|can|would)\s+i\s+(?:\w+\s+){0,3}if\b|\bin\s+case\b|\bwhat\s+if\b",
]
# Words that say it is happening now, or is about to.
NOW = [
    r"\b(?:right\s+now|at\s+the\s+moment|currently|as\s+we\s+speak|just\s+now)\b",
    r"\b(?:coming|come|back|be|going|gonna|will|'ll)\b[^.!?]{0,20}\btonight\b",
    r"\b(?:is|are|'s|'re|am|'m|here|there|outside|inside|in|still|coming|back|happening|again|come|help|me|us|door|"
    r"window|garden)\s+(?:\w+\s+)?now\b(?!\s+(?:they|the\s+police|police|he|she|i)\s)|\bnow\s*!|\bnow\s+(?:please|pls|quick|help)\b"
    r"|^\W*\w+(?:\s+\w+){0,5}\s+now\W*$",
    r"\b(?:have|has|'ve|'s)\s+just\b|\bjust\s+(?:turned\s+up|arrived|come|came|got\s+here|showed\s+up|pulled\s+up)\b",
    r"\bhanging\s+around\b",
    r"\bstill\s+(?:here|there|outside|around|following|waiting|"
    r"shouting|banging|trying|at\s+the|in\s+the)\b",
    r"\b(?:is|are|'s|'re|am|keep|keeps)\s+(?:following|chasing|hitting|kicking|punching|attacking|outside|here|"
    r"waiting|banging|shouting|throwing|trying|coming|circling|hiding)\b",
]

# Text-speak the patterns should read as words.
TEXT_SPEAK = [(r"\brn\b", "right now"), (r"\br\b", "are"), (r"\bu\b", "you"), (r"\bthru\b", "through"),
               (r"\bim\b", "i'm"), (r"\b(?:tonite|2nite|2night)\b", "tonight"), (r"\bbak\b", "back"),
               (r"\bcomin\b", "coming"), (r"\bpropa\b", "proper"), (r"\bwiv\b", "with"),
               (r"\btheyre\b", "they're"), (r"\bhes\b", "he's"), (r"\bshes\b", "she's"), (r"\bwhos\b", "who's")]
