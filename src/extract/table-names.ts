/**
 * The table (or collection) name each ORM gives an entity when the code names none: ports of the
 * ORMs' own default naming rules, so a default-named entity gets the name the database has (under
 * the ORM's default settings: a custom TypeORM naming strategy, `mongoose.pluralize(null)` or
 * Sequelize's global `define` options change them, and are not read).
 */

/**
 * TypeORM: `DefaultNamingStrategy.tableName(targetName, userSpecifiedName)` returns
 * `userSpecifiedName ?? snakeCase(targetName)`, with `snakeCase` of typeorm/src/util/StringUtils.ts
 * (`ABc` -> `a_bc`, then `aC` -> `a_c`, lower-cased): `OrderLine` -> `order_line`, `HTTPLog` -> `http_log`.
 */
export function typeormTableName(className: string): string {
  return className
    .replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}

/** Mongoose lib/helpers/pluralize.js: the first rule that matches the lower-cased name, unless it is uncountable. */
const MONGOOSE_RULES: [RegExp, string][] = [
  [/(m)an$/gi, '$1en'],
  [/(pe)rson$/gi, '$1ople'],
  [/(child)$/gi, '$1ren'],
  [/^(ox)$/gi, '$1en'],
  [/(ax|test)is$/gi, '$1es'],
  [/(octop|vir)us$/gi, '$1i'],
  [/(alias|status)$/gi, '$1es'],
  [/(bu)s$/gi, '$1ses'],
  [/(buffal|tomat|potat)o$/gi, '$1oes'],
  [/([ti])um$/gi, '$1a'],
  [/sis$/gi, 'ses'],
  [/(?:([^f])fe|([lr])f)$/gi, '$1$2ves'],
  [/(hive)$/gi, '$1s'],
  [/([^aeiouy]|qu)y$/gi, '$1ies'],
  [/(x|ch|ss|sh)$/gi, '$1es'],
  [/(matr|vert|ind)ix|ex$/gi, '$1ices'],
  [/([m|l])ouse$/gi, '$1ice'],
  [/(kn|w|l)ife$/gi, '$1ives'],
  [/(quiz)$/gi, '$1zes'],
  [/^goose$/i, 'geese'],
  [/s$/gi, 's'],
  [/([^a-z])$/, '$1'],
  [/$/gi, 's'],
];
const MONGOOSE_UNCOUNTABLE = new Set(
  'advice energy excretion digestion cooperation health justice labour machinery equipment information pollution sewage paper money species series rain rice fish sheep moose deer news expertise status media'.split(
    ' ',
  ),
);

/**
 * Mongoose: a model's collection is `schema.options.collection`, else the third argument of
 * `model()`, else `utils.toCollectionName(name, pluralize)`: the model name lower-cased and
 * pluralised by lib/helpers/pluralize.js (`Order` -> `orders`, `Category` -> `categories`,
 * `UserProfile` -> `userprofiles`). NestJS `@Schema()` classes are registered under the class name.
 */
export function mongooseCollectionName(modelName: string): string {
  if (modelName === 'system.profile' || modelName === 'system.indexes') return modelName;
  return applyFirstRule(modelName.toLowerCase(), MONGOOSE_RULES, MONGOOSE_UNCOUNTABLE);
}

/**
 * Sequelize (model.js `init`): `tableName` when given, else the model name when `freezeTableName`,
 * else `Utils.underscoredIf(Utils.pluralize(name), underscored)`, where `pluralize` is the
 * `inflection` package's: `Order` -> `Orders`, `Category` -> `Categories`, and with `underscored`
 * `OrderLine` -> `order_lines` (inflection's `underscore`).
 */
export function sequelizeTableName(
  modelName: string,
  options: { freezeTableName: boolean; underscored: boolean },
): string {
  if (options.freezeTableName) return modelName;
  const plural = inflectionPluralize(modelName);
  return options.underscored ? inflectionUnderscore(plural) : plural;
}

/** inflection's `underscore`: `OrderLine` -> `order_line` (a capital after anything becomes `_` + lower case). */
function inflectionUnderscore(text: string): string {
  return text
    .replace(/([A-Z])/g, '_$1')
    .replace(/^_/, '')
    .replace(/[ _]+/g, '_')
    .toLowerCase();
}

/**
 * inflection (src/inflection.ts, the version Sequelize 7 depends on; Sequelize 6's inflection 1.x
 * differs only on a few Latin and irregular nouns): words already plural are kept, then the
 * singular rules, first match wins; uncountable words are kept.
 */
function inflectionPluralize(word: string): string {
  if (INFLECTION_UNCOUNTABLE.has(word.toLowerCase())) return word;
  for (const [pattern, replacement] of INFLECTION_RULES) {
    pattern.lastIndex = 0;
    if (!pattern.test(word)) continue;
    pattern.lastIndex = 0;
    return replacement === undefined ? word : word.replace(pattern, replacement);
  }
  return word;
}

const INFLECTION_RULES: [RegExp, string?][] = [
  // Already plural: kept.
  [/^(m|wom)en$/gi],
  [/(pe)ople$/gi],
  [/(child)ren$/gi],
  [/([ti])a$/gi],
  [/((a)naly|(b)a|(d)iagno|(p)arenthe|(p)rogno|(s)ynop|(t)he)ses$/gi],
  [/(database)s$/gi],
  [/(drive)s$/gi],
  [/(hi|ti)ves$/gi],
  [/(curve)s$/gi],
  [/([lr])ves$/gi],
  [/([^fo])ves$/gi],
  [/([^aeiouy]|qu)ies$/gi],
  [/(s)eries$/gi],
  [/(m)ovies$/gi],
  [/(x|ch|ss|sh)es$/gi],
  [/([m|l])ice$/gi],
  [/(bus)es$/gi],
  [/(o)es$/gi],
  [/(shoe)s$/gi],
  [/(cris|ax|test)es$/gi],
  [/(octop|vir)uses$/gi],
  [/(alias|canvas|status|campus)es$/gi],
  [/^(summons|bonus)es$/gi],
  [/^(ox)en/gi],
  [/(matr)ices$/gi],
  [/^feet$/gi],
  [/^teeth$/gi],
  [/^geese$/gi],
  [/(quiz)zes$/gi],
  [/^(whereas)es$/gi],
  [/^(criteri)a$/gi],
  [/^genera$/gi],
  // Singular: made plural.
  [/^(m|wom)an$/gi, '$1en'],
  [/(pe)rson$/gi, '$1ople'],
  [/(child)$/gi, '$1ren'],
  [/(drive)$/gi, '$1s'],
  [/^(ox)$/gi, '$1en'],
  [/(ax|test)is$/gi, '$1es'],
  [/(octop|vir)us$/gi, '$1uses'],
  [/(alias|status|canvas|campus)$/gi, '$1es'],
  [/^(summons|bonus)$/gi, '$1es'],
  [/(bu)s$/gi, '$1ses'],
  [/(buffal|tomat|potat)o$/gi, '$1oes'],
  [/([ti])um$/gi, '$1a'],
  [/sis$/gi, 'ses'],
  [/(?:([^f])fe|([lr])f)$/gi, '$1$2ves'],
  [/(hi|ti)ve$/gi, '$1ves'],
  [/([^aeiouy]|qu)y$/gi, '$1ies'],
  [/(matr)ix$/gi, '$1ices'],
  [/(vert|ind)ex$/gi, '$1ices'],
  [/(x|ch|ss|sh)$/gi, '$1es'],
  [/([m|l])ouse$/gi, '$1ice'],
  [/^foot$/gi, 'feet'],
  [/^tooth$/gi, 'teeth'],
  [/^goose$/gi, 'geese'],
  [/(quiz)$/gi, '$1zes'],
  [/^(whereas)$/gi, '$1es'],
  [/^(criteri)on$/gi, '$1a'],
  [/^genus$/gi, 'genera'],
  [/s$/gi, 's'],
  [/$/gi, 's'],
];

const INFLECTION_UNCOUNTABLE = new Set(
  [
    'accommodation adulthood advertising advice aggression aid air aircraft alcohol anger applause arithmetic',
    'assistance athletics bacon baggage beef biology blood botany bread butter carbon cardboard cash chalk chaos',
    'chess crossroads countryside dancing deer dignity dirt dust economics education electricity engineering',
    'enjoyment envy equipment ethics evidence evolution fame fiction flour flu food fuel fun furniture gallows',
    'garbage garlic genetics gold golf gossip gratitude grief guilt gymnastics happiness hardware harm hate',
    'hatred health heat help homework honesty honey hospitality housework humour hunger hydrogen ice importance',
    'inflation information innocence iron irony jam jewelry judo karate knowledge lack laughter lava leather',
    'leisure lightning linguine linguini linguistics literature litter livestock logic loneliness luck luggage',
    'macaroni machinery magic management mankind marble mathematics mayonnaise measles methane milk minus money',
    'mud music mumps nature news nitrogen nonsense nurture nutrition obedience obesity oxygen pasta patience',
    'physics poetry pollution poverty pride psychology publicity punctuation quartz racism relaxation',
    'reliability research respect revenge rice rubbish rum safety scenery seafood seaside series shame sheep',
    'shopping sleep smoke smoking snow soap software soil spaghetti species steam stuff stupidity sunshine',
    'symmetry tennis thirst thunder timber traffic transportation trust underwear unemployment unity validity',
    'veal vegetation vegetarianism vengeance violence vitality warmth wealth weather welfare wheat wildlife',
    'wisdom yoga zinc zoology',
  ]
    .join(' ')
    .split(' '),
);

function applyFirstRule(word: string, rules: readonly [RegExp, string][], uncountable: ReadonlySet<string>): string {
  if (uncountable.has(word)) return word;
  for (const [pattern, replacement] of rules) {
    pattern.lastIndex = 0;
    if (!pattern.test(word)) continue;
    pattern.lastIndex = 0;
    return word.replace(pattern, replacement);
  }
  return word;
}
