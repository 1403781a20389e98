import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4006:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const pico = __nccwpck_require__(8016);
const utils = __nccwpck_require__(4059);

function picomatch(glob, options, returnState = false) {
  // default to os.platform()
  if (options && (options.windows === null || options.windows === undefined)) {
    // don't mutate the original options object
    options = { ...options, windows: utils.isWindows() };
  }

  return pico(glob, options, returnState);
}

Object.assign(picomatch, pico);
module.exports = picomatch;


/***/ }),

/***/ 5595:
/***/ ((module) => {



const WIN_SLASH = '\\\\/';
const WIN_NO_SLASH = `[^${WIN_SLASH}]`;

const DEFAULT_MAX_EXTGLOB_RECURSION = 0;

/**
 * Posix glob regex
 */

const DOT_LITERAL = '\\.';
const PLUS_LITERAL = '\\+';
const QMARK_LITERAL = '\\?';
const SLASH_LITERAL = '\\/';
const ONE_CHAR = '(?=.)';
const QMARK = '[^/]';
const END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
const START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
const DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
const NO_DOT = `(?!${DOT_LITERAL})`;
const NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
const NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
const NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
const QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
const STAR = `${QMARK}*?`;
const SEP = '/';

const POSIX_CHARS = {
  DOT_LITERAL,
  PLUS_LITERAL,
  QMARK_LITERAL,
  SLASH_LITERAL,
  ONE_CHAR,
  QMARK,
  END_ANCHOR,
  DOTS_SLASH,
  NO_DOT,
  NO_DOTS,
  NO_DOT_SLASH,
  NO_DOTS_SLASH,
  QMARK_NO_DOT,
  STAR,
  START_ANCHOR,
  SEP
};

/**
 * Windows glob regex
 */

const WINDOWS_CHARS = {
  ...POSIX_CHARS,

  SLASH_LITERAL: `[${WIN_SLASH}]`,
  QMARK: WIN_NO_SLASH,
  STAR: `${WIN_NO_SLASH}*?`,
  DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
  NO_DOT: `(?!${DOT_LITERAL})`,
  NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
  NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
  QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
  START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
  END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
  SEP: '\\'
};

/**
 * POSIX Bracket Regex
 */

const POSIX_REGEX_SOURCE = {
  __proto__: null,
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\x00-\\x7F',
  blank: ' \\t',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '\\x21-\\x7E',
  lower: 'a-z',
  print: '\\x20-\\x7E ',
  punct: '\\-!"#$%&\'()\\*+,./:;<=>?@[\\]^_`{|}~',
  space: ' \\t\\r\\n\\v\\f',
  upper: 'A-Z',
  word: 'A-Za-z0-9_',
  xdigit: 'A-Fa-f0-9'
};

module.exports = {
  DEFAULT_MAX_EXTGLOB_RECURSION,
  MAX_LENGTH: 1024 * 64,
  POSIX_REGEX_SOURCE,

  // regular expressions
  REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
  REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
  REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
  REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
  REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
  REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,

  // Replace globs with equivalent patterns to reduce parsing time.
  REPLACEMENTS: {
    __proto__: null,
    '***': '*',
    '**/**': '**',
    '**/**/**': '**'
  },

  // Digits
  CHAR_0: 48, /* 0 */
  CHAR_9: 57, /* 9 */

  // Alphabet chars.
  CHAR_UPPERCASE_A: 65, /* A */
  CHAR_LOWERCASE_A: 97, /* a */
  CHAR_UPPERCASE_Z: 90, /* Z */
  CHAR_LOWERCASE_Z: 122, /* z */

  CHAR_LEFT_PARENTHESES: 40, /* ( */
  CHAR_RIGHT_PARENTHESES: 41, /* ) */

  CHAR_ASTERISK: 42, /* * */

  // Non-alphabetic chars.
  CHAR_AMPERSAND: 38, /* & */
  CHAR_AT: 64, /* @ */
  CHAR_BACKWARD_SLASH: 92, /* \ */
  CHAR_CARRIAGE_RETURN: 13, /* \r */
  CHAR_CIRCUMFLEX_ACCENT: 94, /* ^ */
  CHAR_COLON: 58, /* : */
  CHAR_COMMA: 44, /* , */
  CHAR_DOT: 46, /* . */
  CHAR_DOUBLE_QUOTE: 34, /* " */
  CHAR_EQUAL: 61, /* = */
  CHAR_EXCLAMATION_MARK: 33, /* ! */
  CHAR_FORM_FEED: 12, /* \f */
  CHAR_FORWARD_SLASH: 47, /* / */
  CHAR_GRAVE_ACCENT: 96, /* ` */
  CHAR_HASH: 35, /* # */
  CHAR_HYPHEN_MINUS: 45, /* - */
  CHAR_LEFT_ANGLE_BRACKET: 60, /* < */
  CHAR_LEFT_CURLY_BRACE: 123, /* { */
  CHAR_LEFT_SQUARE_BRACKET: 91, /* [ */
  CHAR_LINE_FEED: 10, /* \n */
  CHAR_NO_BREAK_SPACE: 160, /* \u00A0 */
  CHAR_PERCENT: 37, /* % */
  CHAR_PLUS: 43, /* + */
  CHAR_QUESTION_MARK: 63, /* ? */
  CHAR_RIGHT_ANGLE_BRACKET: 62, /* > */
  CHAR_RIGHT_CURLY_BRACE: 125, /* } */
  CHAR_RIGHT_SQUARE_BRACKET: 93, /* ] */
  CHAR_SEMICOLON: 59, /* ; */
  CHAR_SINGLE_QUOTE: 39, /* ' */
  CHAR_SPACE: 32, /*   */
  CHAR_TAB: 9, /* \t */
  CHAR_UNDERSCORE: 95, /* _ */
  CHAR_VERTICAL_LINE: 124, /* | */
  CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279, /* \uFEFF */

  /**
   * Create EXTGLOB_CHARS
   */

  extglobChars(chars) {
    return {
      '!': { type: 'negate', open: '(?:(?!(?:', close: `))${chars.STAR})` },
      '?': { type: 'qmark', open: '(?:', close: ')?' },
      '+': { type: 'plus', open: '(?:', close: ')+' },
      '*': { type: 'star', open: '(?:', close: ')*' },
      '@': { type: 'at', open: '(?:', close: ')' }
    };
  },

  /**
   * Create GLOB_CHARS
   */

  globChars(win32) {
    return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
  }
};


/***/ }),

/***/ 8265:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const constants = __nccwpck_require__(5595);
const utils = __nccwpck_require__(4059);

/**
 * Constants
 */

const {
  MAX_LENGTH,
  POSIX_REGEX_SOURCE,
  REGEX_NON_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_BACKREF,
  REPLACEMENTS
} = constants;

/**
 * Helpers
 */

const expandRange = (args, options) => {
  if (typeof options.expandRange === 'function') {
    return options.expandRange(...args, options);
  }

  args.sort();
  const value = `[${args.join('-')}]`;

  try {
    /* eslint-disable-next-line no-new */
    new RegExp(value);
  } catch (ex) {
    return args.map(v => utils.escapeRegex(v)).join('..');
  }

  return value;
};

/**
 * Create the message for a syntax error
 */

const syntaxError = (type, char) => {
  return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
};

const splitTopLevel = input => {
  const parts = [];
  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let value = '';
  let escaped = false;

  for (const ch of input) {
    if (escaped === true) {
      value += ch;
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      value += ch;
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      value += ch;
      continue;
    }

    if (quote === 0) {
      if (ch === '[') {
        bracket++;
      } else if (ch === ']' && bracket > 0) {
        bracket--;
      } else if (bracket === 0) {
        if (ch === '(') {
          paren++;
        } else if (ch === ')' && paren > 0) {
          paren--;
        } else if (ch === '|' && paren === 0) {
          parts.push(value);
          value = '';
          continue;
        }
      }
    }

    value += ch;
  }

  parts.push(value);
  return parts;
};

const isPlainBranch = branch => {
  let escaped = false;

  for (const ch of branch) {
    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (/[?*+@!()[\]{}]/.test(ch)) {
      return false;
    }
  }

  return true;
};

const normalizeSimpleBranch = branch => {
  let value = branch.trim();
  let changed = true;

  while (changed === true) {
    changed = false;

    if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
      value = value.slice(2, -1);
      changed = true;
    }
  }

  if (!isPlainBranch(value)) {
    return;
  }

  return value.replace(/\\(.)/g, '$1');
};

const hasRepeatedCharPrefixOverlap = branches => {
  const values = branches.map(normalizeSimpleBranch).filter(Boolean);

  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i];
      const b = values[j];
      const char = a[0];

      if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
        continue;
      }

      if (a === b || a.startsWith(b) || b.startsWith(a)) {
        return true;
      }
    }
  }

  return false;
};

const parseRepeatedExtglob = (pattern, requireEnd = true) => {
  if ((pattern[0] !== '+' && pattern[0] !== '*') || pattern[1] !== '(') {
    return;
  }

  let bracket = 0;
  let paren = 0;
  let quote = 0;
  let escaped = false;

  for (let i = 1; i < pattern.length; i++) {
    const ch = pattern[i];

    if (escaped === true) {
      escaped = false;
      continue;
    }

    if (ch === '\\') {
      escaped = true;
      continue;
    }

    if (ch === '"') {
      quote = quote === 1 ? 0 : 1;
      continue;
    }

    if (quote === 1) {
      continue;
    }

    if (ch === '[') {
      bracket++;
      continue;
    }

    if (ch === ']' && bracket > 0) {
      bracket--;
      continue;
    }

    if (bracket > 0) {
      continue;
    }

    if (ch === '(') {
      paren++;
      continue;
    }

    if (ch === ')') {
      paren--;

      if (paren === 0) {
        if (requireEnd === true && i !== pattern.length - 1) {
          return;
        }

        return {
          type: pattern[0],
          body: pattern.slice(2, i),
          end: i
        };
      }
    }
  }
};

const buildCharClassStar = chars => {
  const source = chars.length === 1
    ? utils.escapeRegex(chars[0])
    : `[${chars.map(ch => utils.escapeRegex(ch)).join('')}]`;

  return `${source}*`;
};

const getStarExtglobSequenceChars = pattern => {
  let index = 0;
  const chars = [];

  while (index < pattern.length) {
    const match = parseRepeatedExtglob(pattern.slice(index), false);

    if (!match || match.type !== '*') {
      return;
    }

    const branches = splitTopLevel(match.body).map(branch => branch.trim());
    if (branches.length !== 1) {
      return;
    }

    const branch = normalizeSimpleBranch(branches[0]);
    if (!branch || branch.length !== 1) {
      return;
    }

    chars.push(branch);
    index += match.end + 1;
  }

  if (chars.length < 1) {
    return;
  }

  return chars;
};

const repeatedExtglobRecursion = pattern => {
  let depth = 0;
  let value = pattern.trim();
  let match = parseRepeatedExtglob(value);

  while (match) {
    depth++;
    value = match.body.trim();
    match = parseRepeatedExtglob(value);
  }

  return depth;
};

const analyzeRepeatedExtglob = (body, options) => {
  if (options.maxExtglobRecursion === false) {
    return { risky: false };
  }

  const max =
    typeof options.maxExtglobRecursion === 'number'
      ? options.maxExtglobRecursion
      : constants.DEFAULT_MAX_EXTGLOB_RECURSION;

  const branches = splitTopLevel(body).map(branch => branch.trim());

  if (branches.length > 1) {
    if (
      branches.some(branch => branch === '') ||
      branches.some(branch => /^[*?]+$/.test(branch)) ||
      hasRepeatedCharPrefixOverlap(branches)
    ) {
      return { risky: true };
    }
  }

  // A repeated extglob is "risky" (prone to catastrophic backtracking) when a
  // branch is itself a `*(...)` sequence, since that nests an unbounded quantifier
  // inside the outer `+(...)`/`*(...)`. When *every* branch reduces to single
  // characters we can emit one flat, ReDoS-safe character class that preserves the
  // meaning of ALL branches (e.g. `+(*(a)|*(b))` -> `[ab]*`), rather than dropping
  // every branch but the first.
  const safeChars = [];
  let sawStarSequence = false;
  let combinable = true;

  for (const branch of branches) {
    const chars = getStarExtglobSequenceChars(branch);
    if (chars) {
      sawStarSequence = true;
      safeChars.push(...chars);
      continue;
    }

    const literal = normalizeSimpleBranch(branch);
    if (literal && literal.length === 1) {
      safeChars.push(literal);
      continue;
    }

    combinable = false;

    if (repeatedExtglobRecursion(branch) > max) {
      return { risky: true };
    }
  }

  if (sawStarSequence) {
    return combinable
      ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) }
      : { risky: true };
  }

  return { risky: false };
};

/**
 * Parse the given input string.
 * @param {String} input
 * @param {Object} options
 * @return {Object}
 */

const parse = (input, options) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected a string');
  }

  input = REPLACEMENTS[input] || input;

  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;

  let len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  const bos = { type: 'bos', value: '', output: opts.prepend || '' };
  const tokens = [bos];

  const capture = opts.capture ? '' : '?:';

  // create constants based on platform, for windows or posix
  const PLATFORM_CHARS = constants.globChars(opts.windows);
  const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);

  const {
    DOT_LITERAL,
    PLUS_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOT_SLASH,
    NO_DOTS_SLASH,
    QMARK,
    QMARK_NO_DOT,
    STAR,
    START_ANCHOR
  } = PLATFORM_CHARS;

  const globstar = opts => {
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const nodot = opts.dot ? '' : NO_DOT;
  const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
  let star = opts.bash === true ? globstar(opts) : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  // minimatch options support
  if (typeof opts.noext === 'boolean') {
    opts.noextglob = opts.noext;
  }

  const state = {
    input,
    index: -1,
    start: 0,
    dot: opts.dot === true,
    consumed: '',
    output: '',
    prefix: '',
    backtrack: false,
    negated: false,
    brackets: 0,
    braces: 0,
    parens: 0,
    quotes: 0,
    globstar: false,
    tokens
  };

  input = utils.removePrefix(input, state);
  len = input.length;

  const extglobs = [];
  const braces = [];
  const stack = [];
  let prev = bos;
  let value;

  /**
   * Tokenizing helpers
   */

  const eos = () => state.index === len - 1;
  const peek = state.peek = (n = 1) => input[state.index + n];
  const advance = state.advance = () => input[++state.index] || '';
  const remaining = () => input.slice(state.index + 1);
  const consume = (value = '', num = 0) => {
    state.consumed += value;
    state.index += num;
  };

  const append = token => {
    state.output += token.output != null ? token.output : token.value;
    consume(token.value);
  };

  const negate = () => {
    let count = 1;

    while (peek() === '!' && (peek(2) !== '(' || peek(3) === '?')) {
      advance();
      state.start++;
      count++;
    }

    if (count % 2 === 0) {
      return false;
    }

    state.negated = true;
    state.start++;
    return true;
  };

  const increment = type => {
    state[type]++;
    stack.push(type);
  };

  const decrement = type => {
    state[type]--;
    stack.pop();
  };

  /**
   * Push tokens onto the tokens array. This helper speeds up
   * tokenizing by 1) helping us avoid backtracking as much as possible,
   * and 2) helping us avoid creating extra tokens when consecutive
   * characters are plain text. This improves performance and simplifies
   * lookbehinds.
   */

  const push = tok => {
    if (prev.type === 'globstar') {
      const isBrace = state.braces > 0 && (tok.type === 'comma' || tok.type === 'brace');
      const isExtglob = tok.extglob === true || (extglobs.length && (tok.type === 'pipe' || tok.type === 'paren'));

      if (tok.type !== 'slash' && tok.type !== 'paren' && !isBrace && !isExtglob) {
        state.output = state.output.slice(0, -prev.output.length);
        prev.type = 'star';
        prev.value = '*';
        prev.output = star;
        state.output += prev.output;
      }
    }

    if (extglobs.length && tok.type !== 'paren') {
      extglobs[extglobs.length - 1].inner += tok.value;
    }

    if (tok.value || tok.output) append(tok);
    if (prev && prev.type === 'text' && tok.type === 'text') {
      prev.output = (prev.output || prev.value) + tok.value;
      prev.value += tok.value;
      return;
    }

    tok.prev = prev;
    tokens.push(tok);
    prev = tok;
  };

  const extglobOpen = (type, value) => {
    const token = { ...EXTGLOB_CHARS[value], conditions: 1, inner: '' };

    token.prev = prev;
    token.parens = state.parens;
    token.output = state.output;
    token.startIndex = state.index;
    token.tokensIndex = tokens.length;
    const output = (opts.capture ? '(' : '') + token.open;

    increment('parens');
    push({ type, value, output: state.output ? '' : ONE_CHAR });
    push({ type: 'paren', extglob: true, value: advance(), output });
    extglobs.push(token);
  };

  const extglobClose = token => {
    const literal = input.slice(token.startIndex, state.index + 1);
    const body = input.slice(token.startIndex + 2, state.index);
    const analysis = analyzeRepeatedExtglob(body, opts);

    if ((token.type === 'plus' || token.type === 'star') && analysis.risky) {
      const safeOutput = analysis.safeOutput
        ? (token.output ? '' : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput)
        : undefined;
      const open = tokens[token.tokensIndex];

      open.type = 'text';
      open.value = literal;
      open.output = safeOutput || utils.escapeRegex(literal);

      for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
        tokens[i].value = '';
        tokens[i].output = '';
        delete tokens[i].suffix;
      }

      state.output = token.output + open.output;
      state.backtrack = true;

      push({ type: 'paren', extglob: true, value, output: '' });
      decrement('parens');
      return;
    }

    let output = token.close + (opts.capture ? ')' : '');
    let rest;

    if (token.type === 'negate') {
      let extglobStar = star;

      if (token.inner && token.inner.length > 1 && token.inner.includes('/')) {
        extglobStar = globstar(opts);
      }

      if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
        output = token.close = `)$))${extglobStar}`;
      }

      if (token.inner.includes('*') && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
        // Any non-magical string (`.ts`) or even nested expression (`.{ts,tsx}`) can follow after the closing parenthesis.
        // In this case, we need to parse the string and use it in the output of the original pattern.
        // Suitable patterns: `/!(*.d).ts`, `/!(*.d).{ts,tsx}`, `**/!(*-dbg).@(js)`.
        //
        // Disabling the `fastpaths` option due to a problem with parsing strings as `.ts` in the pattern like `**/!(*.d).ts`.
        const expression = parse(rest, { ...options, fastpaths: false }).output;

        output = token.close = `)${expression})${extglobStar})`;
      }

      if (token.prev.type === 'bos') {
        state.negatedExtglob = true;
      }
    }

    push({ type: 'paren', extglob: true, value, output });
    decrement('parens');
  };

  /**
   * Fast paths
   */

  if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
    let backslashes = false;

    let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
      if (first === '\\') {
        backslashes = true;
        return m;
      }

      if (first === '?') {
        if (esc) {
          return esc + first + (rest ? QMARK.repeat(rest.length) : '');
        }
        if (index === 0) {
          return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : '');
        }
        return QMARK.repeat(chars.length);
      }

      if (first === '.') {
        return DOT_LITERAL.repeat(chars.length);
      }

      if (first === '*') {
        if (esc) {
          return esc + first + (rest ? star : '');
        }
        return star;
      }
      return esc ? m : `\\${m}`;
    });

    if (backslashes === true) {
      if (opts.unescape === true) {
        output = output.replace(/\\/g, '');
      } else {
        output = output.replace(/\\+/g, m => {
          return m.length % 2 === 0 ? '\\\\' : (m ? '\\' : '');
        });
      }
    }

    if (output === input && opts.contains === true) {
      state.output = input;
      return state;
    }

    state.output = utils.wrapOutput(output, state, options);
    return state;
  }

  /**
   * Tokenize input until we reach end-of-string
   */

  while (!eos()) {
    value = advance();

    if (value === '\u0000') {
      continue;
    }

    /**
     * Escaped characters
     */

    if (value === '\\') {
      const next = peek();

      if (next === '/' && opts.bash !== true) {
        continue;
      }

      if (next === '.' || next === ';') {
        continue;
      }

      if (!next) {
        value += '\\';
        push({ type: 'text', value });
        continue;
      }

      // collapse slashes to reduce potential for exploits
      const match = /^\\+/.exec(remaining());
      let slashes = 0;

      if (match && match[0].length > 2) {
        slashes = match[0].length;
        state.index += slashes;
        if (slashes % 2 !== 0) {
          value += '\\';
        }
      }

      if (opts.unescape === true) {
        value = advance();
      } else {
        value += advance();
      }

      if (state.brackets === 0) {
        push({ type: 'text', value });
        continue;
      }
    }

    /**
     * If we're inside a regex character class, continue
     * until we reach the closing bracket.
     */

    if (state.brackets > 0 && (value !== ']' || prev.value === '[' || prev.value === '[^')) {
      if (opts.posix !== false && value === ':') {
        const inner = prev.value.slice(1);
        if (inner.includes('[')) {
          prev.posix = true;

          if (inner.includes(':')) {
            const idx = prev.value.lastIndexOf('[');
            const pre = prev.value.slice(0, idx);
            const rest = prev.value.slice(idx + 2);
            const posix = POSIX_REGEX_SOURCE[rest];
            if (posix) {
              prev.value = pre + posix;
              state.backtrack = true;
              advance();

              if (!bos.output && tokens.indexOf(prev) === 1) {
                bos.output = ONE_CHAR;
              }
              continue;
            }
          }
        }
      }

      if ((value === '[' && peek() !== ':') || (value === '-' && peek() === ']')) {
        value = `\\${value}`;
      }

      if (value === ']' && (prev.value === '[' || prev.value === '[^')) {
        value = `\\${value}`;
      }

      if (opts.posix === true && value === '!' && prev.value === '[') {
        value = '^';
      }

      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * If we're inside a quoted string, continue
     * until we reach the closing double quote.
     */

    if (state.quotes === 1 && value !== '"') {
      value = utils.escapeRegex(value);
      prev.value += value;
      append({ value });
      continue;
    }

    /**
     * Double quotes
     */

    if (value === '"') {
      state.quotes = state.quotes === 1 ? 0 : 1;
      if (opts.keepQuotes === true) {
        push({ type: 'text', value });
      }
      continue;
    }

    /**
     * Parentheses
     */

    if (value === '(') {
      increment('parens');
      push({ type: 'paren', value });
      continue;
    }

    if (value === ')') {
      if (state.parens === 0 && opts.strictBrackets === true) {
        throw new SyntaxError(syntaxError('opening', '('));
      }

      const extglob = extglobs[extglobs.length - 1];
      if (extglob && state.parens === extglob.parens + 1) {
        extglobClose(extglobs.pop());
        continue;
      }

      push({ type: 'paren', value, output: state.parens ? ')' : '\\)' });
      decrement('parens');
      continue;
    }

    /**
     * Square brackets
     */

    if (value === '[') {
      if (opts.nobracket === true || !remaining().includes(']')) {
        if (opts.nobracket !== true && opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('closing', ']'));
        }

        value = `\\${value}`;
      } else {
        increment('brackets');
      }

      push({ type: 'bracket', value });
      continue;
    }

    if (value === ']') {
      if (opts.nobracket === true || (prev && prev.type === 'bracket' && prev.value.length === 1)) {
        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      if (state.brackets === 0) {
        if (opts.strictBrackets === true) {
          throw new SyntaxError(syntaxError('opening', '['));
        }

        push({ type: 'text', value, output: `\\${value}` });
        continue;
      }

      decrement('brackets');

      const prevValue = prev.value.slice(1);
      if (prev.posix !== true && prevValue[0] === '^' && !prevValue.includes('/')) {
        value = `/${value}`;
      }

      prev.value += value;
      append({ value });

      // when literal brackets are explicitly disabled
      // assume we should match with a regex character class
      if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
        continue;
      }

      const escaped = utils.escapeRegex(prev.value);
      state.output = state.output.slice(0, -prev.value.length);

      // when literal brackets are explicitly enabled
      // assume we should escape the brackets to match literal characters
      if (opts.literalBrackets === true) {
        state.output += escaped;
        prev.value = escaped;
        continue;
      }

      // when the user specifies nothing, try to match both
      prev.value = `(${capture}${escaped}|${prev.value})`;
      state.output += prev.value;
      continue;
    }

    /**
     * Braces
     */

    if (value === '{' && opts.nobrace !== true) {
      increment('braces');

      const open = {
        type: 'brace',
        value,
        output: '(',
        outputIndex: state.output.length,
        tokensIndex: state.tokens.length
      };

      braces.push(open);
      push(open);
      continue;
    }

    if (value === '}') {
      const brace = braces[braces.length - 1];

      if (opts.nobrace === true || !brace) {
        push({ type: 'text', value, output: value });
        continue;
      }

      let output = ')';

      if (brace.dots === true) {
        const arr = tokens.slice();
        const range = [];

        for (let i = arr.length - 1; i >= 0; i--) {
          tokens.pop();
          if (arr[i].type === 'brace') {
            break;
          }
          if (arr[i].type !== 'dots') {
            range.unshift(arr[i].value);
          }
        }

        output = expandRange(range, opts);
        state.backtrack = true;
      }

      if (brace.comma !== true && brace.dots !== true) {
        const out = state.output.slice(0, brace.outputIndex);
        const toks = state.tokens.slice(brace.tokensIndex);
        brace.value = brace.output = '\\{';
        value = output = '\\}';
        state.output = out;
        for (const t of toks) {
          state.output += (t.output || t.value);
        }
      }

      push({ type: 'brace', value, output });
      decrement('braces');
      braces.pop();
      continue;
    }

    /**
     * Pipes
     */

    if (value === '|') {
      if (extglobs.length > 0) {
        extglobs[extglobs.length - 1].conditions++;
      }
      push({ type: 'text', value });
      continue;
    }

    /**
     * Commas
     */

    if (value === ',') {
      let output = value;

      const brace = braces[braces.length - 1];
      if (brace && stack[stack.length - 1] === 'braces') {
        brace.comma = true;
        output = '|';
      }

      push({ type: 'comma', value, output });
      continue;
    }

    /**
     * Slashes
     */

    if (value === '/') {
      // if the beginning of the glob is "./", advance the start
      // to the current index, and don't add the "./" characters
      // to the state. This greatly simplifies lookbehinds when
      // checking for BOS characters like "!" and "." (not "./")
      if (prev.type === 'dot' && state.index === state.start + 1) {
        state.start = state.index + 1;
        state.consumed = '';
        state.output = '';
        tokens.pop();
        prev = bos; // reset "prev" to the first token
        continue;
      }

      push({ type: 'slash', value, output: SLASH_LITERAL });
      continue;
    }

    /**
     * Dots
     */

    if (value === '.') {
      if (state.braces > 0 && prev.type === 'dot') {
        if (prev.value === '.') prev.output = DOT_LITERAL;
        const brace = braces[braces.length - 1];
        prev.type = 'dots';
        prev.output += value;
        prev.value += value;
        brace.dots = true;
        continue;
      }

      if ((state.braces + state.parens) === 0 && prev.type !== 'bos' && prev.type !== 'slash') {
        push({ type: 'text', value, output: DOT_LITERAL });
        continue;
      }

      push({ type: 'dot', value, output: DOT_LITERAL });
      continue;
    }

    /**
     * Question marks
     */

    if (value === '?') {
      const isGroup = prev && prev.value === '(';
      if (!isGroup && opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('qmark', value);
        continue;
      }

      if (prev && prev.type === 'paren') {
        const next = peek();
        let output = value;

        if ((prev.value === '(' && !/[!=<:]/.test(next)) || (next === '<' && !/<([!=]|\w+>)/.test(remaining()))) {
          output = `\\${value}`;
        }

        push({ type: 'text', value, output });
        continue;
      }

      if (opts.dot !== true && (prev.type === 'slash' || prev.type === 'bos')) {
        push({ type: 'qmark', value, output: QMARK_NO_DOT });
        continue;
      }

      push({ type: 'qmark', value, output: QMARK });
      continue;
    }

    /**
     * Exclamation
     */

    if (value === '!') {
      if (opts.noextglob !== true && peek() === '(') {
        if (peek(2) !== '?' || !/[!=<:]/.test(peek(3))) {
          extglobOpen('negate', value);
          continue;
        }
      }

      if (opts.nonegate !== true && state.index === 0) {
        negate();
        continue;
      }
    }

    /**
     * Plus
     */

    if (value === '+') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        extglobOpen('plus', value);
        continue;
      }

      if ((prev && prev.value === '(') || opts.regex === false) {
        push({ type: 'plus', value, output: PLUS_LITERAL });
        continue;
      }

      if ((prev && (prev.type === 'bracket' || prev.type === 'paren' || prev.type === 'brace')) || state.parens > 0) {
        push({ type: 'plus', value });
        continue;
      }

      push({ type: 'plus', value: PLUS_LITERAL });
      continue;
    }

    /**
     * Plain text
     */

    if (value === '@') {
      if (opts.noextglob !== true && peek() === '(' && peek(2) !== '?') {
        push({ type: 'at', extglob: true, value, output: '' });
        continue;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Plain text
     */

    if (value !== '*') {
      if (value === '$' || value === '^') {
        value = `\\${value}`;
      }

      const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
      if (match) {
        value += match[0];
        state.index += match[0].length;
      }

      push({ type: 'text', value });
      continue;
    }

    /**
     * Stars
     */

    if (prev && (prev.type === 'globstar' || prev.star === true)) {
      prev.type = 'star';
      prev.star = true;
      prev.value += value;
      prev.output = star;
      state.backtrack = true;
      state.globstar = true;
      consume(value);
      continue;
    }

    let rest = remaining();
    if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
      extglobOpen('star', value);
      continue;
    }

    if (prev.type === 'star') {
      if (opts.noglobstar === true) {
        consume(value);
        continue;
      }

      const prior = prev.prev;
      const before = prior.prev;
      const isStart = prior.type === 'slash' || prior.type === 'bos';
      const afterStar = before && (before.type === 'star' || before.type === 'globstar');

      if (opts.bash === true && (!isStart || (rest[0] && rest[0] !== '/'))) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      const isBrace = state.braces > 0 && (prior.type === 'comma' || prior.type === 'brace');
      const isExtglob = extglobs.length && (prior.type === 'pipe' || prior.type === 'paren');
      if (!isStart && prior.type !== 'paren' && !isBrace && !isExtglob) {
        push({ type: 'star', value, output: '' });
        continue;
      }

      // strip consecutive `/**/`
      while (rest.slice(0, 3) === '/**') {
        const after = input[state.index + 4];
        if (after && after !== '/') {
          break;
        }
        rest = rest.slice(3);
        consume('/**', 3);
      }

      // A globstar followed only by balanced closing parens is at the logical end of patterns like
      // `test(/utils/**)` and `test?(/utils/**)`. Treat it as EOS so the trailing `/**` can match its
      // parent path, except in negated extglobs where that would change the exclusion semantics.
      const isEnd = eos() || (
        state.parens > 0
        && rest === ')'.repeat(state.parens)
        && !extglobs.some(extglob => extglob.type === 'negate')
      );

      if (prior.type === 'bos' && eos()) {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = globstar(opts);
        state.output = prev.output;
        state.globstar = true;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && !afterStar && isEnd) {
        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = globstar(opts) + (opts.strictSlashes ? ')' : '|$)');
        prev.value += value;
        state.globstar = true;
        state.output += prior.output + prev.output;
        consume(value);
        continue;
      }

      if (prior.type === 'slash' && prior.prev.type !== 'bos' && rest[0] === '/') {
        const end = rest[1] !== void 0 ? '|$' : '';

        state.output = state.output.slice(0, -(prior.output + prev.output).length);
        prior.output = `(?:${prior.output}`;

        prev.type = 'globstar';
        prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
        prev.value += value;

        state.output += prior.output + prev.output;
        state.globstar = true;

        consume(value + advance());

        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      if (prior.type === 'bos' && rest[0] === '/') {
        prev.type = 'globstar';
        prev.value += value;
        prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
        state.output = prev.output;
        state.globstar = true;
        consume(value + advance());
        push({ type: 'slash', value: '/', output: '' });
        continue;
      }

      // remove single star from output
      state.output = state.output.slice(0, -prev.output.length);

      // reset previous token to globstar
      prev.type = 'globstar';
      prev.output = globstar(opts);
      prev.value += value;

      // reset output with globstar
      state.output += prev.output;
      state.globstar = true;
      consume(value);
      continue;
    }

    const token = { type: 'star', value, output: star };

    if (opts.bash === true) {
      token.output = '.*?';
      if (prev.type === 'bos' || prev.type === 'slash') {
        token.output = nodot + token.output;
      }
      push(token);
      continue;
    }

    if (prev && (prev.type === 'bracket' || prev.type === 'paren') && opts.regex === true) {
      token.output = value;
      push(token);
      continue;
    }

    if (state.index === state.start || prev.type === 'slash' || prev.type === 'dot') {
      if (prev.type === 'dot') {
        state.output += NO_DOT_SLASH;
        prev.output += NO_DOT_SLASH;

      } else if (opts.dot === true) {
        state.output += NO_DOTS_SLASH;
        prev.output += NO_DOTS_SLASH;

      } else {
        state.output += nodot;
        prev.output += nodot;
      }

      if (peek() !== '*') {
        state.output += ONE_CHAR;
        prev.output += ONE_CHAR;
      }
    }

    push(token);
  }

  while (state.brackets > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ']'));
    state.output = utils.escapeLast(state.output, '[');
    decrement('brackets');
  }

  while (state.parens > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', ')'));
    state.output = utils.escapeLast(state.output, '(');
    decrement('parens');
  }

  while (state.braces > 0) {
    if (opts.strictBrackets === true) throw new SyntaxError(syntaxError('closing', '}'));
    state.output = utils.escapeLast(state.output, '{');
    decrement('braces');
  }

  if (opts.strictSlashes !== true && (prev.type === 'star' || prev.type === 'bracket')) {
    push({ type: 'maybe_slash', value: '', output: `${SLASH_LITERAL}?` });
  }

  // rebuild the output if we had to backtrack at any point
  if (state.backtrack === true) {
    state.output = '';

    for (const token of state.tokens) {
      state.output += token.output != null ? token.output : token.value;

      if (token.suffix) {
        state.output += token.suffix;
      }
    }
  }

  return state;
};

/**
 * Fast paths for creating regular expressions for common glob patterns.
 * This can significantly speed up processing and has very little downside
 * impact when none of the fast paths match.
 */

parse.fastpaths = (input, options) => {
  const opts = { ...options };
  const max = typeof opts.maxLength === 'number' ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
  const len = input.length;
  if (len > max) {
    throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
  }

  input = REPLACEMENTS[input] || input;

  // create constants based on platform, for windows or posix
  const {
    DOT_LITERAL,
    SLASH_LITERAL,
    ONE_CHAR,
    DOTS_SLASH,
    NO_DOT,
    NO_DOTS,
    NO_DOTS_SLASH,
    STAR,
    START_ANCHOR
  } = constants.globChars(opts.windows);

  const nodot = opts.dot ? NO_DOTS : NO_DOT;
  const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
  const capture = opts.capture ? '' : '?:';
  const state = { negated: false, prefix: '' };
  let star = opts.bash === true ? '.*?' : STAR;

  if (opts.capture) {
    star = `(${star})`;
  }

  const globstar = opts => {
    if (opts.noglobstar === true) return star;
    return `(${capture}(?:(?!${START_ANCHOR}${opts.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
  };

  const create = str => {
    switch (str) {
      case '*':
        return `${nodot}${ONE_CHAR}${star}`;

      case '.*':
        return `${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*.*':
        return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '*/*':
        return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;

      case '**':
        return nodot + globstar(opts);

      case '**/*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;

      case '**/*.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;

      case '**/.*':
        return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;

      default: {
        const match = /^(.*?)\.(\w+)$/.exec(str);
        if (!match) return;

        const source = create(match[1]);
        if (!source) return;

        return source + DOT_LITERAL + match[2];
      }
    }
  };

  const output = utils.removePrefix(input, state);
  let source = create(output);

  if (source && opts.strictSlashes !== true) {
    source += `${SLASH_LITERAL}?`;
  }

  return source;
};

module.exports = parse;


/***/ }),

/***/ 8016:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const scan = __nccwpck_require__(1781);
const parse = __nccwpck_require__(8265);
const utils = __nccwpck_require__(4059);
const constants = __nccwpck_require__(5595);
const isObject = val => val && typeof val === 'object' && !Array.isArray(val);

/**
 * Creates a matcher function from one or more glob patterns. The
 * returned function takes a string to match as its first argument,
 * and returns true if the string is a match. The returned matcher
 * function also takes a boolean as the second argument that, when true,
 * returns an object with additional information.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch(glob[, options]);
 *
 * const isMatch = picomatch('*.!(*a)');
 * console.log(isMatch('a.a')); //=> false
 * console.log(isMatch('a.b')); //=> true
 *
 * // For environments without `node.js`, `picomatch/posix` provides you a dependency-free matcher, without automatic OS detection.
 * const picomatch = require('picomatch/posix');
 * // the same API, defaulting to posix paths
 * const isMatch = picomatch('a/*');
 * console.log(isMatch('a\\b')); //=> false
 * console.log(isMatch('a/b')); //=> true
 *
 * // you can still configure the matcher function to accept windows paths
 * const isMatch = picomatch('a/*', { options: windows });
 * console.log(isMatch('a\\b')); //=> true
 * console.log(isMatch('a/b')); //=> true
 * ```
 * @name picomatch
 * @param {String|Array} `globs` One or more glob patterns.
 * @param {Object=} `options`
 * @return {Function=} Returns a matcher function.
 * @api public
 */

const picomatch = (glob, options, returnState = false) => {
  if (Array.isArray(glob)) {
    const fns = glob.map(input => picomatch(input, options, returnState));
    const arrayMatcher = str => {
      for (const isMatch of fns) {
        const state = isMatch(str);
        if (state) return state;
      }
      return false;
    };
    return arrayMatcher;
  }

  const isState = isObject(glob) && glob.tokens && glob.input;

  if (glob === '' || (typeof glob !== 'string' && !isState)) {
    throw new TypeError('Expected pattern to be a non-empty string');
  }

  const opts = options || {};
  const posix = opts.windows;
  const regex = isState
    ? picomatch.compileRe(glob, options)
    : picomatch.makeRe(glob, options, false, true);

  const state = regex.state;
  delete regex.state;

  let isIgnored = () => false;
  if (opts.ignore) {
    const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
    isIgnored = picomatch(opts.ignore, ignoreOpts, returnState);
  }

  const matcher = (input, returnObject = false) => {
    const { isMatch, match, output } = picomatch.test(input, regex, options, { glob, posix });
    const result = { glob, state, regex, posix, input, output, match, isMatch };

    if (typeof opts.onResult === 'function') {
      opts.onResult(result);
    }

    if (isMatch === false) {
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (isIgnored(input)) {
      if (typeof opts.onIgnore === 'function') {
        opts.onIgnore(result);
      }
      result.isMatch = false;
      return returnObject ? result : false;
    }

    if (typeof opts.onMatch === 'function') {
      opts.onMatch(result);
    }
    return returnObject ? result : true;
  };

  if (returnState) {
    matcher.state = state;
  }

  return matcher;
};

/**
 * Test `input` with the given `regex`. This is used by the main
 * `picomatch()` function to test the input string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.test(input, regex[, options]);
 *
 * console.log(picomatch.test('foo/bar', /^(?:([^/]*?)\/([^/]*?))$/));
 * // { isMatch: true, match: [ 'foo/', 'foo', 'bar' ], output: 'foo/bar' }
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp} `regex`
 * @return {Object} Returns an object with matching info.
 * @api public
 */

picomatch.test = (input, regex, options, { glob, posix } = {}) => {
  if (typeof input !== 'string') {
    throw new TypeError('Expected input to be a string');
  }

  if (input === '') {
    return { isMatch: false, output: '' };
  }

  const opts = options || {};
  const format = opts.format || (posix ? utils.toPosixSlashes : null);
  let match = input === glob;
  let output = (match && format) ? format(input) : input;

  if (match === false) {
    output = format ? format(input) : input;
    match = output === glob;
  }

  if (match === false || opts.capture === true) {
    if (opts.matchBase === true || opts.basename === true) {
      match = picomatch.matchBase(input, regex, options, posix);
    } else {
      match = regex.exec(output);
    }
  }

  return { isMatch: Boolean(match), match, output };
};

/**
 * Match the basename of a filepath.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.matchBase(input, glob[, options]);
 * console.log(picomatch.matchBase('foo/bar.js', '*.js'); // true
 * ```
 * @param {String} `input` String to test.
 * @param {RegExp|String} `glob` Glob pattern or regex created by [.makeRe](#makeRe).
 * @return {Boolean}
 * @api public
 */

picomatch.matchBase = (input, glob, options, posix = options && options.windows) => {
  const regex = glob instanceof RegExp ? glob : picomatch.makeRe(glob, options);
  return regex.test(utils.basename(input, { windows: posix }));
};

/**
 * Returns true if **any** of the given glob `patterns` match the specified `string`.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.isMatch(string, patterns[, options]);
 *
 * console.log(picomatch.isMatch('a.a', ['b.*', '*.a'])); //=> true
 * console.log(picomatch.isMatch('a.a', 'b.*')); //=> false
 * ```
 * @param {String|Array} str The string to test.
 * @param {String|Array} patterns One or more glob patterns to use for matching.
 * @param {Object} [options] See available [options](#options).
 * @return {Boolean} Returns true if any patterns match `str`
 * @api public
 */

picomatch.isMatch = (str, patterns, options) => picomatch(patterns, options)(str);

/**
 * Parse a glob pattern to create the source string for a regular
 * expression.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const result = picomatch.parse(pattern[, options]);
 * ```
 * @param {String} `pattern`
 * @param {Object} `options`
 * @return {Object} Returns an object with useful properties and output to be used as a regex source string.
 * @api public
 */

picomatch.parse = (pattern, options) => {
  if (Array.isArray(pattern)) return pattern.map(p => picomatch.parse(p, options));
  return parse(pattern, { ...options, fastpaths: false });
};

/**
 * Scan a glob pattern to separate the pattern into segments.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.scan(input[, options]);
 *
 * const result = picomatch.scan('!./foo/*.js');
 * console.log(result);
 * { prefix: '!./',
 *   input: '!./foo/*.js',
 *   start: 3,
 *   base: 'foo',
 *   glob: '*.js',
 *   isBrace: false,
 *   isBracket: false,
 *   isGlob: true,
 *   isExtglob: false,
 *   isGlobstar: false,
 *   negated: true }
 * ```
 * @param {String} `input` Glob pattern to scan.
 * @param {Object} `options`
 * @return {Object} Returns an object with
 * @api public
 */

picomatch.scan = (input, options) => scan(input, options);

/**
 * Compile a regular expression from the `state` object returned by the
 * [parse()](#parse) method.
 *
 * ```js
 * const picomatch = require('picomatch');
 * const state = picomatch.parse('*.js');
 * // picomatch.compileRe(state[, options]);
 *
 * console.log(picomatch.compileRe(state));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {Object} `state`
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Intended for implementors, this argument allows you to return the raw output from the parser.
 * @param {Boolean} `returnState` Adds the state to a `state` property on the returned regex. Useful for implementors and debugging.
 * @return {RegExp}
 * @api public
 */

picomatch.compileRe = (state, options, returnOutput = false, returnState = false) => {
  if (returnOutput === true) {
    return state.output;
  }

  const opts = options || {};
  const prepend = opts.contains ? '' : '^';
  const append = opts.contains ? '' : '$';

  let source = `${prepend}(?:${state.output})${append}`;
  if (state && state.negated === true) {
    source = `^(?!${source}).*$`;
  }

  const regex = picomatch.toRegex(source, options);
  if (returnState === true) {
    regex.state = state;
  }

  return regex;
};

/**
 * Create a regular expression from a parsed glob pattern.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.makeRe(state[, options]);
 *
 * const result = picomatch.makeRe('*.js');
 * console.log(result);
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `state` The object returned from the `.parse` method.
 * @param {Object} `options`
 * @param {Boolean} `returnOutput` Implementors may use this argument to return the compiled output, instead of a regular expression. This is not exposed on the options to prevent end-users from mutating the result.
 * @param {Boolean} `returnState` Implementors may use this argument to return the state from the parsed glob with the returned regular expression.
 * @return {RegExp} Returns a regex created from the given pattern.
 * @api public
 */

picomatch.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
  if (!input || typeof input !== 'string') {
    throw new TypeError('Expected a non-empty string');
  }

  let parsed = { negated: false, fastpaths: true };

  if (options.fastpaths !== false && (input[0] === '.' || input[0] === '*')) {
    parsed.output = parse.fastpaths(input, options);
  }

  if (!parsed.output) {
    parsed = parse(input, options);
  }

  return picomatch.compileRe(parsed, options, returnOutput, returnState);
};

/**
 * Create a regular expression from the given regex source string.
 *
 * ```js
 * const picomatch = require('picomatch');
 * // picomatch.toRegex(source[, options]);
 *
 * const { output } = picomatch.parse('*.js');
 * console.log(picomatch.toRegex(output));
 * //=> /^(?:(?!\.)(?=.)[^/]*?\.js)$/
 * ```
 * @param {String} `source` Regular expression source string.
 * @param {Object} `options`
 * @return {RegExp}
 * @api public
 */

picomatch.toRegex = (source, options) => {
  try {
    const opts = options || {};
    return new RegExp(source, opts.flags || (opts.nocase ? 'i' : ''));
  } catch (err) {
    if (options && options.debug === true) throw err;
    return /$^/;
  }
};

/**
 * Picomatch constants.
 * @return {Object}
 */

picomatch.constants = constants;

/**
 * Expose "picomatch"
 */

module.exports = picomatch;


/***/ }),

/***/ 1781:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const utils = __nccwpck_require__(4059);
const {
  CHAR_ASTERISK,             /* * */
  CHAR_AT,                   /* @ */
  CHAR_BACKWARD_SLASH,       /* \ */
  CHAR_COMMA,                /* , */
  CHAR_DOT,                  /* . */
  CHAR_EXCLAMATION_MARK,     /* ! */
  CHAR_FORWARD_SLASH,        /* / */
  CHAR_LEFT_CURLY_BRACE,     /* { */
  CHAR_LEFT_PARENTHESES,     /* ( */
  CHAR_LEFT_SQUARE_BRACKET,  /* [ */
  CHAR_PLUS,                 /* + */
  CHAR_QUESTION_MARK,        /* ? */
  CHAR_RIGHT_CURLY_BRACE,    /* } */
  CHAR_RIGHT_PARENTHESES,    /* ) */
  CHAR_RIGHT_SQUARE_BRACKET  /* ] */
} = __nccwpck_require__(5595);

const isPathSeparator = code => {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
};

const depth = token => {
  if (token.isPrefix !== true) {
    token.depth = token.isGlobstar ? Infinity : 1;
  }
};

/**
 * Quickly scans a glob pattern and returns an object with a handful of
 * useful properties, like `isGlob`, `path` (the leading non-glob, if it exists),
 * `glob` (the actual pattern), `negated` (true if the path starts with `!` but not
 * with `!(`) and `negatedExtglob` (true if the path starts with `!(`).
 *
 * ```js
 * const pm = require('picomatch');
 * console.log(pm.scan('foo/bar/*.js'));
 * { isGlob: true, input: 'foo/bar/*.js', base: 'foo/bar', glob: '*.js' }
 * ```
 * @param {String} `str`
 * @param {Object} `options`
 * @return {Object} Returns an object with tokens and regex source string.
 * @api public
 */

const scan = (input, options) => {
  const opts = options || {};

  const length = input.length - 1;
  const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
  const slashes = [];
  const tokens = [];
  const parts = [];

  let str = input;
  let index = -1;
  let start = 0;
  let lastIndex = 0;
  let isBrace = false;
  let isBracket = false;
  let isGlob = false;
  let isExtglob = false;
  let isGlobstar = false;
  let braceEscaped = false;
  let backslashes = false;
  let negated = false;
  let negatedExtglob = false;
  let finished = false;
  let braces = 0;
  let prev;
  let code;
  let token = { value: '', depth: 0, isGlob: false };

  const eos = () => index >= length;
  const peek = () => str.charCodeAt(index + 1);
  const advance = () => {
    prev = code;
    return str.charCodeAt(++index);
  };

  while (index < length) {
    code = advance();
    let next;

    if (code === CHAR_BACKWARD_SLASH) {
      backslashes = token.backslashes = true;
      code = advance();

      if (code === CHAR_LEFT_CURLY_BRACE) {
        braceEscaped = true;
      }
      continue;
    }

    if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
      braces++;

      while (eos() !== true && (code = advance())) {
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          continue;
        }

        if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (braceEscaped !== true && code === CHAR_COMMA) {
          isBrace = token.isBrace = true;
          isGlob = token.isGlob = true;
          finished = true;

          if (scanToEnd === true) {
            continue;
          }

          break;
        }

        if (code === CHAR_RIGHT_CURLY_BRACE) {
          braces--;

          if (braces === 0) {
            braceEscaped = false;
            isBrace = token.isBrace = true;
            finished = true;
            break;
          }
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (code === CHAR_FORWARD_SLASH) {
      slashes.push(index);
      tokens.push(token);
      token = { value: '', depth: 0, isGlob: false };

      if (finished === true) continue;
      if (prev === CHAR_DOT && index === (start + 1)) {
        start += 2;
        continue;
      }

      lastIndex = index + 1;
      continue;
    }

    if (opts.noext !== true) {
      const isExtglobChar = code === CHAR_PLUS
        || code === CHAR_AT
        || code === CHAR_ASTERISK
        || code === CHAR_QUESTION_MARK
        || code === CHAR_EXCLAMATION_MARK;

      if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
        isGlob = token.isGlob = true;
        isExtglob = token.isExtglob = true;
        finished = true;
        if (code === CHAR_EXCLAMATION_MARK && index === start) {
          negatedExtglob = true;
        }

        if (scanToEnd === true) {
          let parens = 0;

          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }

            if (code === CHAR_LEFT_PARENTHESES) {
              parens++;
              continue;
            }

            if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
              finished = true;
              break;
            }
          }
          continue;
        }
        break;
      }
    }

    if (code === CHAR_ASTERISK) {
      if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_QUESTION_MARK) {
      isGlob = token.isGlob = true;
      finished = true;

      if (scanToEnd === true) {
        continue;
      }
      break;
    }

    if (code === CHAR_LEFT_SQUARE_BRACKET) {
      while (eos() !== true && (next = advance())) {
        if (next === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          advance();
          continue;
        }

        if (next === CHAR_RIGHT_SQUARE_BRACKET) {
          isBracket = token.isBracket = true;
          isGlob = token.isGlob = true;
          finished = true;
          break;
        }
      }

      if (scanToEnd === true) {
        continue;
      }

      break;
    }

    if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
      negated = token.negated = true;
      start++;
      continue;
    }

    if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
      isGlob = token.isGlob = true;

      if (scanToEnd === true) {
        let parens = 1;

        while (eos() !== true && (code = advance())) {
          if (code === CHAR_BACKWARD_SLASH) {
            backslashes = token.backslashes = true;
            advance();
            continue;
          }

          if (code === CHAR_LEFT_PARENTHESES) {
            parens++;
            continue;
          }

          if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
            finished = true;
            break;
          }
        }
        continue;
      }
      break;
    }

    if (isGlob === true) {
      finished = true;

      if (scanToEnd === true) {
        continue;
      }

      break;
    }
  }

  if (opts.noext === true) {
    isExtglob = false;
    isGlob = false;
  }

  let base = str;
  let prefix = '';
  let glob = '';

  if (start > 0) {
    prefix = str.slice(0, start);
    str = str.slice(start);
    lastIndex -= start;
  }

  if (base && isGlob === true && lastIndex > 0) {
    base = str.slice(0, lastIndex);
    glob = str.slice(lastIndex);
  } else if (isGlob === true) {
    base = '';
    glob = str;
  } else {
    base = str;
  }

  if (base && base !== '' && base !== '/' && base !== str) {
    if (isPathSeparator(base.charCodeAt(base.length - 1))) {
      base = base.slice(0, -1);
    }
  }

  if (opts.unescape === true) {
    if (glob) glob = utils.removeBackslashes(glob);

    if (base && backslashes === true) {
      base = utils.removeBackslashes(base);
    }
  }

  const state = {
    prefix,
    input,
    start,
    base,
    glob,
    isBrace,
    isBracket,
    isGlob,
    isExtglob,
    isGlobstar,
    negated,
    negatedExtglob
  };

  if (opts.tokens === true) {
    state.maxDepth = 0;
    if (!isPathSeparator(code)) {
      tokens.push(token);
    }
    state.tokens = tokens;
  }

  if (opts.parts === true || opts.tokens === true) {
    let prevIndex;

    for (let idx = 0; idx < slashes.length; idx++) {
      const n = prevIndex !== undefined ? prevIndex + 1 : start;
      const i = slashes[idx];
      const value = input.slice(n, i);
      if (opts.tokens) {
        if (idx === 0 && start !== 0) {
          tokens[idx].isPrefix = true;
          tokens[idx].value = prefix;
        } else {
          tokens[idx].value = value;
        }
        depth(tokens[idx]);
        state.maxDepth += tokens[idx].depth;
      }
      if (i >= start) {
        parts.push(value);
        prevIndex = i;
      }
    }

    const n = prevIndex !== undefined ? prevIndex + 1 : start;
    const value = input.slice(n);
    parts.push(value);

    if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
      tokens[tokens.length - 1].value = value;
      depth(tokens[tokens.length - 1]);
      state.maxDepth += tokens[tokens.length - 1].depth;
    }

    state.slashes = slashes;
    state.parts = parts;
  }

  return state;
};

module.exports = scan;


/***/ }),

/***/ 4059:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

/*global navigator*/


const {
  REGEX_BACKSLASH,
  REGEX_REMOVE_BACKSLASH,
  REGEX_SPECIAL_CHARS,
  REGEX_SPECIAL_CHARS_GLOBAL
} = __nccwpck_require__(5595);

exports.isObject = val => val !== null && typeof val === 'object' && !Array.isArray(val);
exports.hasRegexChars = str => REGEX_SPECIAL_CHARS.test(str);
exports.isRegexChar = str => str.length === 1 && exports.hasRegexChars(str);
exports.escapeRegex = str => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, '\\$1');
exports.toPosixSlashes = str => str.replace(REGEX_BACKSLASH, '/');

exports.isWindows = () => {
  if (typeof navigator !== 'undefined' && navigator.platform) {
    const platform = navigator.platform.toLowerCase();
    return platform === 'win32' || platform === 'windows';
  }

  if (typeof process !== 'undefined' && process.platform) {
    return process.platform === 'win32';
  }

  return false;
};

exports.removeBackslashes = str => {
  return str.replace(REGEX_REMOVE_BACKSLASH, match => {
    return match === '\\' ? '' : match;
  });
};

exports.escapeLast = (input, char, lastIdx) => {
  const idx = input.lastIndexOf(char, lastIdx);
  if (idx === -1) return input;
  if (input[idx - 1] === '\\') return exports.escapeLast(input, char, idx - 1);
  return `${input.slice(0, idx)}\\${input.slice(idx)}`;
};

exports.removePrefix = (input, state = {}) => {
  let output = input;
  if (output.startsWith('./')) {
    output = output.slice(2);
    state.prefix = './';
  }
  return output;
};

exports.wrapOutput = (input, state = {}, options = {}) => {
  const prepend = options.contains ? '' : '^';
  const append = options.contains ? '' : '$';

  let output = `${prepend}(?:${input})${append}`;
  if (state.negated === true) {
    output = `(?:^(?!${output}).*$)`;
  }
  return output;
};

exports.basename = (path, { windows } = {}) => {
  const segs = path.split(windows ? /[\\/]/ : '/');
  const last = segs[segs.length - 1];

  if (last === '') {
    return segs[segs.length - 2];
  }

  return last;
};


/***/ }),

/***/ 9379:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const ANY = Symbol('SemVer ANY')
// hoisted class for cyclic dependency
class Comparator {
  static get ANY () {
    return ANY
  }

  constructor (comp, options) {
    options = parseOptions(options)

    if (comp instanceof Comparator) {
      if (comp.loose === !!options.loose) {
        return comp
      } else {
        comp = comp.value
      }
    }

    comp = comp.trim().split(/\s+/).join(' ')
    debug('comparator', comp, options)
    this.options = options
    this.loose = !!options.loose
    this.parse(comp)

    if (this.semver === ANY) {
      this.value = ''
    } else {
      this.value = this.operator + this.semver.version
    }

    debug('comp', this)
  }

  parse (comp) {
    const r = this.options.loose ? re[t.COMPARATORLOOSE] : re[t.COMPARATOR]
    const m = comp.match(r)

    if (!m) {
      throw new TypeError(`Invalid comparator: ${comp}`)
    }

    this.operator = m[1] !== undefined ? m[1] : ''
    if (this.operator === '=') {
      this.operator = ''
    }

    // if it literally is just '>' or '' then allow anything.
    if (!m[2]) {
      this.semver = ANY
    } else {
      this.semver = new SemVer(m[2], this.options.loose)
    }
  }

  toString () {
    return this.value
  }

  test (version) {
    debug('Comparator.test', version, this.options.loose)

    if (this.semver === ANY || version === ANY) {
      return true
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    return cmp(version, this.operator, this.semver, this.options)
  }

  intersects (comp, options) {
    if (!(comp instanceof Comparator)) {
      throw new TypeError('a Comparator is required')
    }

    if (this.operator === '') {
      if (this.value === '') {
        return true
      }
      return new Range(comp.value, options).test(this.value)
    } else if (comp.operator === '') {
      if (comp.value === '') {
        return true
      }
      return new Range(this.value, options).test(comp.semver)
    }

    options = parseOptions(options)

    // Special cases where nothing can possibly be lower
    if (options.includePrerelease &&
      (this.value === '<0.0.0-0' || comp.value === '<0.0.0-0')) {
      return false
    }
    if (!options.includePrerelease &&
      (this.value.startsWith('<0.0.0') || comp.value.startsWith('<0.0.0'))) {
      return false
    }

    // Same direction increasing (> or >=)
    if (this.operator.startsWith('>') && comp.operator.startsWith('>')) {
      return true
    }
    // Same direction decreasing (< or <=)
    if (this.operator.startsWith('<') && comp.operator.startsWith('<')) {
      return true
    }
    // same SemVer and both sides are inclusive (<= or >=)
    if (
      (this.semver.version === comp.semver.version) &&
      this.operator.includes('=') && comp.operator.includes('=')) {
      return true
    }
    // opposite directions less than
    if (cmp(this.semver, '<', comp.semver, options) &&
      this.operator.startsWith('>') && comp.operator.startsWith('<')) {
      return true
    }
    // opposite directions greater than
    if (cmp(this.semver, '>', comp.semver, options) &&
      this.operator.startsWith('<') && comp.operator.startsWith('>')) {
      return true
    }
    return false
  }
}

module.exports = Comparator

const parseOptions = __nccwpck_require__(356)
const { safeRe: re, t } = __nccwpck_require__(5471)
const cmp = __nccwpck_require__(8646)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)


/***/ }),

/***/ 6782:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SPACE_CHARACTERS = /\s+/g

// hoisted class for cyclic dependency
class Range {
  constructor (range, options) {
    options = parseOptions(options)

    if (range instanceof Range) {
      if (
        range.loose === !!options.loose &&
        range.includePrerelease === !!options.includePrerelease
      ) {
        return range
      } else {
        return new Range(range.raw, options)
      }
    }

    if (range instanceof Comparator) {
      // just put it in the set and return
      this.raw = range.value
      this.set = [[range]]
      this.formatted = undefined
      return this
    }

    this.options = options
    this.loose = !!options.loose
    this.includePrerelease = !!options.includePrerelease

    // First reduce all whitespace as much as possible so we do not have to rely
    // on potentially slow regexes like \s*. This is then stored and used for
    // future error messages as well.
    this.raw = range.trim().replace(SPACE_CHARACTERS, ' ')

    // First, split on ||
    this.set = this.raw
      .split('||')
      // map the range to a 2d array of comparators
      .map(r => this.parseRange(r.trim()))
      // throw out any comparator lists that are empty
      // this generally means that it was not a valid range, which is allowed
      // in loose mode, but will still throw if the WHOLE range is invalid.
      .filter(c => c.length)

    if (!this.set.length) {
      throw new TypeError(`Invalid SemVer Range: ${this.raw}`)
    }

    // if we have any that are not the null set, throw out null sets.
    if (this.set.length > 1) {
      // keep the first one, in case they're all null sets
      const first = this.set[0]
      this.set = this.set.filter(c => !isNullSet(c[0]))
      if (this.set.length === 0) {
        this.set = [first]
      } else if (this.set.length > 1) {
        // if we have any that are *, then the range is just *
        for (const c of this.set) {
          if (c.length === 1 && isAny(c[0])) {
            this.set = [c]
            break
          }
        }
      }
    }

    this.formatted = undefined
  }

  get range () {
    if (this.formatted === undefined) {
      this.formatted = ''
      for (let i = 0; i < this.set.length; i++) {
        if (i > 0) {
          this.formatted += '||'
        }
        const comps = this.set[i]
        for (let k = 0; k < comps.length; k++) {
          if (k > 0) {
            this.formatted += ' '
          }
          this.formatted += comps[k].toString().trim()
        }
      }
    }
    return this.formatted
  }

  format () {
    return this.range
  }

  toString () {
    return this.range
  }

  parseRange (range) {
    // strip build metadata so it can't bleed into the version
    range = range.replace(BUILDSTRIPRE, '')

    // memoize range parsing for performance.
    // this is a very hot path, and fully deterministic.
    const memoOpts =
      (this.options.includePrerelease && FLAG_INCLUDE_PRERELEASE) |
      (this.options.loose && FLAG_LOOSE)
    const memoKey = memoOpts + ':' + range
    const cached = cache.get(memoKey)
    if (cached) {
      return cached
    }

    const loose = this.options.loose
    // `1.2.3 - 1.2.4` => `>=1.2.3 <=1.2.4`
    const hr = loose ? re[t.HYPHENRANGELOOSE] : re[t.HYPHENRANGE]
    range = range.replace(hr, hyphenReplace(this.options.includePrerelease))
    debug('hyphen replace', range)

    // `> 1.2.3 < 1.2.5` => `>1.2.3 <1.2.5`
    range = trimComparatorWhitespace(range)
    debug('comparator trim', range)

    // `~ 1.2.3` => `~1.2.3`
    range = range.replace(re[t.TILDETRIM], tildeTrimReplace)
    debug('tilde trim', range)

    // `^ 1.2.3` => `^1.2.3`
    range = range.replace(re[t.CARETTRIM], caretTrimReplace)
    debug('caret trim', range)

    // At this point, the range is completely trimmed and
    // ready to be split into comparators.

    let rangeList = range
      .split(' ')
      .map(comp => parseComparator(comp, this.options))
      .join(' ')
      .split(/\s+/)
      // >=0.0.0 is equivalent to *
      .map(comp => replaceGTE0(comp, this.options))

    if (loose) {
      // in loose mode, throw out any that are not valid comparators
      rangeList = rangeList.filter(comp => {
        debug('loose invalid filter', comp, this.options)
        return !!comp.match(re[t.COMPARATORLOOSE])
      })
    }
    debug('range list', rangeList)

    // if any comparators are the null set, then replace with JUST null set
    // if more than one comparator, remove any * comparators
    // also, don't include the same comparator more than once
    const rangeMap = new Map()
    const comparators = rangeList.map(comp => new Comparator(comp, this.options))
    for (const comp of comparators) {
      if (isNullSet(comp)) {
        return [comp]
      }
      rangeMap.set(comp.value, comp)
    }
    if (rangeMap.size > 1 && rangeMap.has('')) {
      rangeMap.delete('')
    }

    const result = [...rangeMap.values()]
    cache.set(memoKey, result)
    return result
  }

  intersects (range, options) {
    if (!(range instanceof Range)) {
      throw new TypeError('a Range is required')
    }

    return this.set.some((thisComparators) => {
      return (
        isSatisfiable(thisComparators, options) &&
        range.set.some((rangeComparators) => {
          return (
            isSatisfiable(rangeComparators, options) &&
            thisComparators.every((thisComparator) => {
              return rangeComparators.every((rangeComparator) => {
                return thisComparator.intersects(rangeComparator, options)
              })
            })
          )
        })
      )
    })
  }

  // if ANY of the sets match ALL of its comparators, then pass
  test (version) {
    if (!version) {
      return false
    }

    if (typeof version === 'string') {
      try {
        version = new SemVer(version, this.options)
      } catch (er) {
        return false
      }
    }

    for (let i = 0; i < this.set.length; i++) {
      if (testSet(this.set[i], version, this.options)) {
        return true
      }
    }
    return false
  }
}

module.exports = Range

const LRU = __nccwpck_require__(1383)
const cache = new LRU()

const parseOptions = __nccwpck_require__(356)
const Comparator = __nccwpck_require__(9379)
const debug = __nccwpck_require__(1159)
const SemVer = __nccwpck_require__(7163)
const trimComparatorWhitespace = __nccwpck_require__(9737)
const {
  safeRe: re,
  src,
  t,
  tildeTrimReplace,
  caretTrimReplace,
} = __nccwpck_require__(5471)
const { FLAG_INCLUDE_PRERELEASE, FLAG_LOOSE } = __nccwpck_require__(5101)

// unbounded global build-metadata stripper used by parseRange
const BUILDSTRIPRE = new RegExp(src[t.BUILD], 'g')

const isNullSet = c => c.value === '<0.0.0-0'
const isAny = c => c.value === ''

// take a set of comparators and determine whether there
// exists a version which can satisfy it
const isSatisfiable = (comparators, options) => {
  let result = true
  const remainingComparators = comparators.slice()
  let testComparator = remainingComparators.pop()

  while (result && remainingComparators.length) {
    result = remainingComparators.every((otherComparator) => {
      return testComparator.intersects(otherComparator, options)
    })

    testComparator = remainingComparators.pop()
  }

  return result
}

// comprised of xranges, tildes, stars, and gtlt's at this point.
// already replaced the hyphen ranges
// turn into a set of JUST comparators.
const parseComparator = (comp, options) => {
  comp = comp.replace(re[t.BUILD], '')
  debug('comp', comp, options)
  comp = replaceCarets(comp, options)
  debug('caret', comp)
  comp = replaceTildes(comp, options)
  debug('tildes', comp)
  comp = replaceXRanges(comp, options)
  debug('xrange', comp)
  comp = replaceStars(comp, options)
  debug('stars', comp)
  return comp
}

const isX = id => !id || id.toLowerCase() === 'x' || id === '*'

const invalidXRangeOrder = (M, m, p) => (
  (isX(M) && !isX(m)) ||
  (isX(m) && p && !isX(p))
)

// ~, ~> --> * (any, kinda silly)
// ~2, ~2.x, ~2.x.x, ~>2, ~>2.x ~>2.x.x --> >=2.0.0 <3.0.0-0
// ~2.0, ~2.0.x, ~>2.0, ~>2.0.x --> >=2.0.0 <2.1.0-0
// ~1.2, ~1.2.x, ~>1.2, ~>1.2.x --> >=1.2.0 <1.3.0-0
// ~1.2.3, ~>1.2.3 --> >=1.2.3 <1.3.0-0
// ~1.2.0, ~>1.2.0 --> >=1.2.0 <1.3.0-0
// ~0.0.1 --> >=0.0.1 <0.1.0-0
const replaceTildes = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceTilde(c, options))
    .join(' ')
}

const replaceTilde = (comp, options) => {
  const r = options.loose ? re[t.TILDELOOSE] : re[t.TILDE]
  // if we're including prereleases in the match, then the lower bound is
  // -0, the lowest possible prerelease value, just like x-ranges and carets.
  // this keeps `~1.2` equivalent to the `1.2.x` x-range it's documented as.
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('tilde', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      // ~1.2 == >=1.2.0 <1.3.0-0
      ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
    } else if (pr) {
      debug('replaceTilde pr', pr)
      ret = `>=${M}.${m}.${p}-${pr
      } <${M}.${+m + 1}.0-0`
    } else {
      // ~1.2.3 == >=1.2.3 <1.3.0-0
      ret = `>=${M}.${m}.${p
      } <${M}.${+m + 1}.0-0`
    }

    debug('tilde return', ret)
    return ret
  })
}

// ^ --> * (any, kinda silly)
// ^2, ^2.x, ^2.x.x --> >=2.0.0 <3.0.0-0
// ^2.0, ^2.0.x --> >=2.0.0 <3.0.0-0
// ^1.2, ^1.2.x --> >=1.2.0 <2.0.0-0
// ^1.2.3 --> >=1.2.3 <2.0.0-0
// ^1.2.0 --> >=1.2.0 <2.0.0-0
// ^0.0.1 --> >=0.0.1 <0.0.2-0
// ^0.1.0 --> >=0.1.0 <0.2.0-0
const replaceCarets = (comp, options) => {
  return comp
    .trim()
    .split(/\s+/)
    .map((c) => replaceCaret(c, options))
    .join(' ')
}

const replaceCaret = (comp, options) => {
  debug('caret', comp, options)
  const r = options.loose ? re[t.CARETLOOSE] : re[t.CARET]
  const z = options.includePrerelease ? '-0' : ''
  return comp.replace(r, (_, M, m, p, pr) => {
    debug('caret', comp, _, M, m, p, pr)
    let ret

    if (isX(M)) {
      ret = ''
    } else if (isX(m)) {
      ret = `>=${M}.0.0${z} <${+M + 1}.0.0-0`
    } else if (isX(p)) {
      if (M === '0') {
        ret = `>=${M}.${m}.0${z} <${M}.${+m + 1}.0-0`
      } else {
        ret = `>=${M}.${m}.0${z} <${+M + 1}.0.0-0`
      }
    } else if (pr) {
      debug('replaceCaret pr', pr)
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p}-${pr
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p}-${pr
        } <${+M + 1}.0.0-0`
      }
    } else {
      debug('no pr')
      if (M === '0') {
        if (m === '0') {
          ret = `>=${M}.${m}.${p
          } <${M}.${m}.${+p + 1}-0`
        } else {
          ret = `>=${M}.${m}.${p
          } <${M}.${+m + 1}.0-0`
        }
      } else {
        ret = `>=${M}.${m}.${p
        } <${+M + 1}.0.0-0`
      }
    }

    debug('caret return', ret)
    return ret
  })
}

const replaceXRanges = (comp, options) => {
  debug('replaceXRanges', comp, options)
  return comp
    .split(/\s+/)
    .map((c) => replaceXRange(c, options))
    .join(' ')
}

const replaceXRange = (comp, options) => {
  comp = comp.trim()
  const r = options.loose ? re[t.XRANGELOOSE] : re[t.XRANGE]
  return comp.replace(r, (ret, gtlt, M, m, p, pr) => {
    debug('xRange', comp, ret, gtlt, M, m, p, pr)
    if (invalidXRangeOrder(M, m, p)) {
      return comp
    }

    const xM = isX(M)
    const xm = xM || isX(m)
    const xp = xm || isX(p)
    const anyX = xp

    if (gtlt === '=' && anyX) {
      gtlt = ''
    }

    // if we're including prereleases in the match, then we need
    // to fix this to -0, the lowest possible prerelease value
    pr = options.includePrerelease ? '-0' : ''

    if (xM) {
      if (gtlt === '>' || gtlt === '<') {
        // nothing is allowed
        ret = '<0.0.0-0'
      } else {
        // nothing is forbidden
        ret = '*'
      }
    } else if (gtlt && anyX) {
      // we know patch is an x, because we have any x at all.
      // replace X with 0
      if (xm) {
        m = 0
      }
      p = 0

      if (gtlt === '>') {
        // >1 => >=2.0.0
        // >1.2 => >=1.3.0
        gtlt = '>='
        if (xm) {
          M = +M + 1
          m = 0
          p = 0
        } else {
          m = +m + 1
          p = 0
        }
      } else if (gtlt === '<=') {
        // <=0.7.x is actually <0.8.0, since any 0.7.x should
        // pass.  Similarly, <=7.x is actually <8.0.0, etc.
        gtlt = '<'
        if (xm) {
          M = +M + 1
        } else {
          m = +m + 1
        }
      }

      if (gtlt === '<') {
        pr = '-0'
      }

      ret = `${gtlt + M}.${m}.${p}${pr}`
    } else if (xm) {
      ret = `>=${M}.0.0${pr} <${+M + 1}.0.0-0`
    } else if (xp) {
      ret = `>=${M}.${m}.0${pr
      } <${M}.${+m + 1}.0-0`
    }

    debug('xRange return', ret)

    return ret
  })
}

// Because * is AND-ed with everything else in the comparator,
// and '' means "any version", just remove the *s entirely.
const replaceStars = (comp, options) => {
  debug('replaceStars', comp, options)
  // Looseness is ignored here.  star is always as loose as it gets!
  return comp
    .trim()
    .replace(re[t.STAR], '')
}

const replaceGTE0 = (comp, options) => {
  debug('replaceGTE0', comp, options)
  return comp
    .trim()
    .replace(re[options.includePrerelease ? t.GTE0PRE : t.GTE0], '')
}

// This function is passed to string.replace(re[t.HYPHENRANGE])
// M, m, patch, prerelease, build
// 1.2 - 3.4.5 => >=1.2.0 <=3.4.5
// 1.2.3 - 3.4 => >=1.2.0 <3.5.0-0 Any 3.4.x will do
// 1.2 - 3.4 => >=1.2.0 <3.5.0-0
// TODO build?
const hyphenReplace = incPr => ($0,
  from, fM, fm, fp, fpr, fb,
  to, tM, tm, tp, tpr) => {
  if (isX(fM)) {
    from = ''
  } else if (isX(fm)) {
    from = `>=${fM}.0.0${incPr ? '-0' : ''}`
  } else if (isX(fp)) {
    from = `>=${fM}.${fm}.0${incPr ? '-0' : ''}`
  } else if (fpr) {
    from = `>=${from}`
  } else {
    from = `>=${from}${incPr ? '-0' : ''}`
  }

  if (isX(tM)) {
    to = ''
  } else if (isX(tm)) {
    to = `<${+tM + 1}.0.0-0`
  } else if (isX(tp)) {
    to = `<${tM}.${+tm + 1}.0-0`
  } else if (tpr) {
    to = `<=${tM}.${tm}.${tp}-${tpr}`
  } else if (incPr) {
    to = `<${tM}.${tm}.${+tp + 1}-0`
  } else {
    to = `<=${to}`
  }

  return `${from} ${to}`.trim()
}

const testSet = (set, version, options) => {
  for (let i = 0; i < set.length; i++) {
    if (!set[i].test(version)) {
      return false
    }
  }

  if (version.prerelease.length && !options.includePrerelease) {
    // Find the set of versions that are allowed to have prereleases
    // For example, ^1.2.3-pr.1 desugars to >=1.2.3-pr.1 <2.0.0
    // That should allow `1.2.3-pr.2` to pass.
    // However, `1.2.4-alpha.notready` should NOT be allowed,
    // even though it's within the range set by the comparators.
    for (let i = 0; i < set.length; i++) {
      debug(set[i].semver)
      if (set[i].semver === Comparator.ANY) {
        continue
      }

      if (set[i].semver.prerelease.length > 0) {
        const allowed = set[i].semver
        if (allowed.major === version.major &&
            allowed.minor === version.minor &&
            allowed.patch === version.patch) {
          return true
        }
      }
    }

    // Version has a -pre, but it's not one of the ones we like.
    return false
  }

  return true
}


/***/ }),

/***/ 7163:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const debug = __nccwpck_require__(1159)
const { MAX_LENGTH, MAX_SAFE_INTEGER } = __nccwpck_require__(5101)
const { safeRe: re, t } = __nccwpck_require__(5471)

const parseOptions = __nccwpck_require__(356)
const { compareIdentifiers } = __nccwpck_require__(3348)

const isPrereleaseIdentifier = (prerelease, identifier) => {
  const identifiers = identifier.split('.')
  if (identifiers.length > prerelease.length) {
    return false
  }

  for (let i = 0; i < identifiers.length; i++) {
    if (compareIdentifiers(prerelease[i], identifiers[i]) !== 0) {
      return false
    }
  }

  return true
}

class SemVer {
  constructor (version, options) {
    options = parseOptions(options)

    if (version instanceof SemVer) {
      if (version.loose === !!options.loose &&
        version.includePrerelease === !!options.includePrerelease) {
        return version
      } else {
        version = version.version
      }
    } else if (typeof version !== 'string') {
      throw new TypeError(`Invalid version. Must be a string. Got type "${typeof version}".`)
    }

    if (version.length > MAX_LENGTH) {
      throw new TypeError(
        `version is longer than ${MAX_LENGTH} characters`
      )
    }

    debug('SemVer', version, options)
    this.options = options
    this.loose = !!options.loose
    // this isn't actually relevant for versions, but keep it so that we
    // don't run into trouble passing this.options around.
    this.includePrerelease = !!options.includePrerelease

    const m = version.trim().match(options.loose ? re[t.LOOSE] : re[t.FULL])

    if (!m) {
      throw new TypeError(`Invalid Version: ${version}`)
    }

    this.raw = version

    // these are actually numbers
    this.major = +m[1]
    this.minor = +m[2]
    this.patch = +m[3]

    if (this.major > MAX_SAFE_INTEGER || this.major < 0) {
      throw new TypeError('Invalid major version')
    }

    if (this.minor > MAX_SAFE_INTEGER || this.minor < 0) {
      throw new TypeError('Invalid minor version')
    }

    if (this.patch > MAX_SAFE_INTEGER || this.patch < 0) {
      throw new TypeError('Invalid patch version')
    }

    // numberify any prerelease numeric ids
    if (!m[4]) {
      this.prerelease = []
    } else {
      this.prerelease = m[4].split('.').map((id) => {
        if (/^[0-9]+$/.test(id)) {
          const num = +id
          if (num >= 0 && num < MAX_SAFE_INTEGER) {
            return num
          }
        }
        return id
      })
    }

    this.build = m[5] ? m[5].split('.') : []
    this.format()
  }

  format () {
    this.version = `${this.major}.${this.minor}.${this.patch}`
    if (this.prerelease.length) {
      this.version += `-${this.prerelease.join('.')}`
    }
    return this.version
  }

  toString () {
    return this.version
  }

  compare (other) {
    debug('SemVer.compare', this.version, this.options, other)
    if (!(other instanceof SemVer)) {
      if (typeof other === 'string' && other === this.version) {
        return 0
      }
      other = new SemVer(other, this.options)
    }

    if (other.version === this.version) {
      return 0
    }

    return this.compareMain(other) || this.comparePre(other)
  }

  compareMain (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    if (this.major < other.major) {
      return -1
    }
    if (this.major > other.major) {
      return 1
    }
    if (this.minor < other.minor) {
      return -1
    }
    if (this.minor > other.minor) {
      return 1
    }
    if (this.patch < other.patch) {
      return -1
    }
    if (this.patch > other.patch) {
      return 1
    }
    return 0
  }

  comparePre (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    // NOT having a prerelease is > having one
    if (this.prerelease.length && !other.prerelease.length) {
      return -1
    } else if (!this.prerelease.length && other.prerelease.length) {
      return 1
    } else if (!this.prerelease.length && !other.prerelease.length) {
      return 0
    }

    let i = 0
    do {
      const a = this.prerelease[i]
      const b = other.prerelease[i]
      debug('prerelease compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  compareBuild (other) {
    if (!(other instanceof SemVer)) {
      other = new SemVer(other, this.options)
    }

    let i = 0
    do {
      const a = this.build[i]
      const b = other.build[i]
      debug('build compare', i, a, b)
      if (a === undefined && b === undefined) {
        return 0
      } else if (b === undefined) {
        return 1
      } else if (a === undefined) {
        return -1
      } else if (a === b) {
        continue
      } else {
        return compareIdentifiers(a, b)
      }
    } while (++i)
  }

  // preminor will bump the version up to the next minor release, and immediately
  // down to pre-release. premajor and prepatch work the same way.
  inc (release, identifier, identifierBase) {
    if (release.startsWith('pre')) {
      if (!identifier && identifierBase === false) {
        throw new Error('invalid increment argument: identifier is empty')
      }
      // Avoid an invalid semver results
      if (identifier) {
        const match = `-${identifier}`.match(this.options.loose ? re[t.PRERELEASELOOSE] : re[t.PRERELEASE])
        if (!match || match[1] !== identifier) {
          throw new Error(`invalid identifier: ${identifier}`)
        }
      }
    }

    switch (release) {
      case 'premajor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor = 0
        this.major++
        this.inc('pre', identifier, identifierBase)
        break
      case 'preminor':
        this.prerelease.length = 0
        this.patch = 0
        this.minor++
        this.inc('pre', identifier, identifierBase)
        break
      case 'prepatch':
        // If this is already a prerelease, it will bump to the next version
        // drop any prereleases that might already exist, since they are not
        // relevant at this point.
        this.prerelease.length = 0
        this.inc('patch', identifier, identifierBase)
        this.inc('pre', identifier, identifierBase)
        break
      // If the input is a non-prerelease version, this acts the same as
      // prepatch.
      case 'prerelease':
        if (this.prerelease.length === 0) {
          this.inc('patch', identifier, identifierBase)
        }
        this.inc('pre', identifier, identifierBase)
        break
      case 'release':
        if (this.prerelease.length === 0) {
          throw new Error(`version ${this.raw} is not a prerelease`)
        }
        this.prerelease.length = 0
        break

      case 'major':
        // If this is a pre-major version, bump up to the same major version.
        // Otherwise increment major.
        // 1.0.0-5 bumps to 1.0.0
        // 1.1.0 bumps to 2.0.0
        if (
          this.minor !== 0 ||
          this.patch !== 0 ||
          this.prerelease.length === 0
        ) {
          this.major++
        }
        this.minor = 0
        this.patch = 0
        this.prerelease = []
        break
      case 'minor':
        // If this is a pre-minor version, bump up to the same minor version.
        // Otherwise increment minor.
        // 1.2.0-5 bumps to 1.2.0
        // 1.2.1 bumps to 1.3.0
        if (this.patch !== 0 || this.prerelease.length === 0) {
          this.minor++
        }
        this.patch = 0
        this.prerelease = []
        break
      case 'patch':
        // If this is not a pre-release version, it will increment the patch.
        // If it is a pre-release it will bump up to the same patch version.
        // 1.2.0-5 patches to 1.2.0
        // 1.2.0 patches to 1.2.1
        if (this.prerelease.length === 0) {
          this.patch++
        }
        this.prerelease = []
        break
      // This probably shouldn't be used publicly.
      // 1.0.0 'pre' would become 1.0.0-0 which is the wrong direction.
      case 'pre': {
        const base = Number(identifierBase) ? 1 : 0

        if (this.prerelease.length === 0) {
          this.prerelease = [base]
        } else {
          let i = this.prerelease.length
          while (--i >= 0) {
            if (typeof this.prerelease[i] === 'number') {
              this.prerelease[i]++
              i = -2
            }
          }
          if (i === -1) {
            // didn't increment anything
            if (identifier === this.prerelease.join('.') && identifierBase === false) {
              throw new Error('invalid increment argument: identifier already exists')
            }
            this.prerelease.push(base)
          }
        }
        if (identifier) {
          // 1.2.0-beta.1 bumps to 1.2.0-beta.2,
          // 1.2.0-beta.fooblz or 1.2.0-beta bumps to 1.2.0-beta.0
          let prerelease = [identifier, base]
          if (identifierBase === false) {
            prerelease = [identifier]
          }
          if (isPrereleaseIdentifier(this.prerelease, identifier)) {
            const prereleaseBase = this.prerelease[identifier.split('.').length]
            if (isNaN(prereleaseBase)) {
              this.prerelease = prerelease
            }
          } else {
            this.prerelease = prerelease
          }
        }
        break
      }
      default:
        throw new Error(`invalid increment argument: ${release}`)
    }
    this.raw = this.format()
    if (this.build.length) {
      this.raw += `+${this.build.join('.')}`
    }
    return this
  }
}

module.exports = SemVer


/***/ }),

/***/ 8646:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const eq = __nccwpck_require__(5082)
const neq = __nccwpck_require__(4974)
const gt = __nccwpck_require__(6599)
const gte = __nccwpck_require__(1236)
const lt = __nccwpck_require__(3872)
const lte = __nccwpck_require__(6717)

const cmp = (a, op, b, loose) => {
  switch (op) {
    case '===':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a === b

    case '!==':
      if (typeof a === 'object') {
        a = a.version
      }
      if (typeof b === 'object') {
        b = b.version
      }
      return a !== b

    case '':
    case '=':
    case '==':
      return eq(a, b, loose)

    case '!=':
      return neq(a, b, loose)

    case '>':
      return gt(a, b, loose)

    case '>=':
      return gte(a, b, loose)

    case '<':
      return lt(a, b, loose)

    case '<=':
      return lte(a, b, loose)

    default:
      throw new TypeError(`Invalid operator: ${op}`)
  }
}
module.exports = cmp


/***/ }),

/***/ 8469:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const compare = (a, b, loose) =>
  new SemVer(a, loose).compare(new SemVer(b, loose))

module.exports = compare


/***/ }),

/***/ 5082:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const eq = (a, b, loose) => compare(a, b, loose) === 0
module.exports = eq


/***/ }),

/***/ 6599:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gt = (a, b, loose) => compare(a, b, loose) > 0
module.exports = gt


/***/ }),

/***/ 1236:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const gte = (a, b, loose) => compare(a, b, loose) >= 0
module.exports = gte


/***/ }),

/***/ 3872:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lt = (a, b, loose) => compare(a, b, loose) < 0
module.exports = lt


/***/ }),

/***/ 6717:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const lte = (a, b, loose) => compare(a, b, loose) <= 0
module.exports = lte


/***/ }),

/***/ 4974:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const compare = __nccwpck_require__(8469)
const neq = (a, b, loose) => compare(a, b, loose) !== 0
module.exports = neq


/***/ }),

/***/ 8011:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const satisfies = (version, range, options) => {
  try {
    range = new Range(range, options)
  } catch (er) {
    return false
  }
  return range.test(version)
}
module.exports = satisfies


/***/ }),

/***/ 5101:
/***/ ((module) => {



// Note: this is the semver.org version of the spec that it implements
// Not necessarily the package version of this code.
const SEMVER_SPEC_VERSION = '2.0.0'

const MAX_LENGTH = 256
const MAX_SAFE_INTEGER = Number.MAX_SAFE_INTEGER ||
/* istanbul ignore next */ 9007199254740991

// Max safe segment length for coercion.
const MAX_SAFE_COMPONENT_LENGTH = 16

// Max safe length for a build identifier. The max length minus 6 characters for
// the shortest version with a build 0.0.0+BUILD.
const MAX_SAFE_BUILD_LENGTH = MAX_LENGTH - 6

// ECMAScript whitespace and line terminators matched by \s.
const WHITESPACE_CHARACTERS = [
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  ' ',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
  '\ufeff',
]

const RELEASE_TYPES = [
  'major',
  'premajor',
  'minor',
  'preminor',
  'patch',
  'prepatch',
  'prerelease',
]

module.exports = {
  MAX_LENGTH,
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_SAFE_INTEGER,
  WHITESPACE_CHARACTERS,
  RELEASE_TYPES,
  SEMVER_SPEC_VERSION,
  FLAG_INCLUDE_PRERELEASE: 0b001,
  FLAG_LOOSE: 0b010,
}


/***/ }),

/***/ 1159:
/***/ ((module) => {



const debug = (
  typeof process === 'object' &&
  process.env &&
  process.env.NODE_DEBUG &&
  /\bsemver\b/i.test(process.env.NODE_DEBUG)
) ? (...args) => console.error('SEMVER', ...args)
  : () => {}

module.exports = debug


/***/ }),

/***/ 3348:
/***/ ((module) => {



const numeric = /^[0-9]+$/
const compareIdentifiers = (a, b) => {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b ? 0 : a < b ? -1 : 1
  }

  const anum = numeric.test(a)
  const bnum = numeric.test(b)

  if (anum && bnum) {
    a = +a
    b = +b
  }

  return a === b ? 0
    : (anum && !bnum) ? -1
    : (bnum && !anum) ? 1
    : a < b ? -1
    : 1
}

const rcompareIdentifiers = (a, b) => compareIdentifiers(b, a)

module.exports = {
  compareIdentifiers,
  rcompareIdentifiers,
}


/***/ }),

/***/ 1383:
/***/ ((module) => {



class LRUCache {
  constructor () {
    this.max = 1000
    this.map = new Map()
  }

  get (key) {
    const value = this.map.get(key)
    if (value === undefined) {
      return undefined
    } else {
      // Remove the key from the map and add it to the end
      this.map.delete(key)
      this.map.set(key, value)
      return value
    }
  }

  delete (key) {
    return this.map.delete(key)
  }

  set (key, value) {
    const deleted = this.delete(key)

    if (!deleted && value !== undefined) {
      // If cache is full, delete the least recently used item
      if (this.map.size >= this.max) {
        const firstKey = this.map.keys().next().value
        this.delete(firstKey)
      }

      this.map.set(key, value)
    }

    return this
  }
}

module.exports = LRUCache


/***/ }),

/***/ 356:
/***/ ((module) => {



// parse out just the options we care about
const looseOption = Object.freeze({ loose: true })
const emptyOpts = Object.freeze({ })
const parseOptions = options => {
  if (!options) {
    return emptyOpts
  }

  if (typeof options !== 'object') {
    return looseOption
  }

  return options
}
module.exports = parseOptions


/***/ }),

/***/ 5471:
/***/ ((module, exports, __nccwpck_require__) => {



const {
  MAX_SAFE_COMPONENT_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  MAX_LENGTH,
} = __nccwpck_require__(5101)
const debug = __nccwpck_require__(1159)
exports = module.exports = {}

// The actual regexps go on exports.re
const re = exports.re = []
const safeRe = exports.safeRe = []
const src = exports.src = []
const safeSrc = exports.safeSrc = []
const t = exports.t = {}
let R = 0

const LETTERDASHNUMBER = '[a-zA-Z0-9-]'

// Replace some greedy regex tokens to prevent regex dos issues. These regex are
// used internally via the safeRe object since all inputs in this library get
// normalized first to trim and collapse all extra whitespace. The original
// regexes are exported for userland consumption and lower level usage. A
// future breaking change could export the safer regex only with a note that
// all input should have extra whitespace removed.
const safeRegexReplacements = [
  ['\\s', 1],
  ['\\d', MAX_LENGTH],
  [LETTERDASHNUMBER, MAX_SAFE_BUILD_LENGTH],
]

const makeSafeRegex = (value) => {
  for (const [token, max] of safeRegexReplacements) {
    value = value
      .split(`${token}*`).join(`${token}{0,${max}}`)
      .split(`${token}+`).join(`${token}{1,${max}}`)
  }
  return value
}

const createToken = (name, value, isGlobal) => {
  const safe = makeSafeRegex(value)
  const index = R++
  debug(name, index, value)
  t[name] = index
  src[index] = value
  safeSrc[index] = safe
  re[index] = new RegExp(value, isGlobal ? 'g' : undefined)
  safeRe[index] = new RegExp(safe, isGlobal ? 'g' : undefined)
}

// The following Regular Expressions can be used for tokenizing,
// validating, and parsing SemVer version strings.

// ## Numeric Identifier
// A single `0`, or a non-zero digit followed by zero or more digits.

createToken('NUMERICIDENTIFIER', '0|[1-9]\\d*')
createToken('NUMERICIDENTIFIERLOOSE', '\\d+')

// ## Non-numeric Identifier
// Zero or more digits, followed by a letter or hyphen, and then zero or
// more letters, digits, or hyphens.

createToken('NONNUMERICIDENTIFIER', `\\d*[a-zA-Z-]${LETTERDASHNUMBER}*`)

// ## Main Version
// Three dot-separated numeric identifiers.

createToken('MAINVERSION', `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})\\.` +
                   `(${src[t.NUMERICIDENTIFIER]})`)

createToken('MAINVERSIONLOOSE', `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})\\.` +
                        `(${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version Identifier
// A numeric identifier, or a non-numeric identifier.
// Non-numeric identifiers include numeric identifiers but can be longer.
// Therefore non-numeric identifiers must go first.

createToken('PRERELEASEIDENTIFIER', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIER]})`)

createToken('PRERELEASEIDENTIFIERLOOSE', `(?:${src[t.NONNUMERICIDENTIFIER]
}|${src[t.NUMERICIDENTIFIERLOOSE]})`)

// ## Pre-release Version
// Hyphen, followed by one or more dot-separated pre-release version
// identifiers.

createToken('PRERELEASE', `(?:-(${src[t.PRERELEASEIDENTIFIER]
}(?:\\.${src[t.PRERELEASEIDENTIFIER]})*))`)

createToken('PRERELEASELOOSE', `(?:-?(${src[t.PRERELEASEIDENTIFIERLOOSE]
}(?:\\.${src[t.PRERELEASEIDENTIFIERLOOSE]})*))`)

// ## Build Metadata Identifier
// Any combination of digits, letters, or hyphens.

createToken('BUILDIDENTIFIER', `${LETTERDASHNUMBER}+`)

// ## Build Metadata
// Plus sign, followed by one or more period-separated build metadata
// identifiers.

createToken('BUILD', `(?:\\+(${src[t.BUILDIDENTIFIER]
}(?:\\.${src[t.BUILDIDENTIFIER]})*))`)

// ## Full Version String
// A main version, followed optionally by a pre-release version and
// build metadata.

// Note that the only major, minor, patch, and pre-release sections of
// the version string are capturing groups.  The build metadata is not a
// capturing group, because it should not ever be used in version
// comparison.

createToken('FULLPLAIN', `v?${src[t.MAINVERSION]
}${src[t.PRERELEASE]}?${
  src[t.BUILD]}?`)

createToken('FULL', `^${src[t.FULLPLAIN]}$`)

// like full, but allows v1.2.3 and =1.2.3, which people do sometimes.
// also, 1.0.0alpha1 (prerelease without the hyphen) which is pretty
// common in the npm registry.
createToken('LOOSEPLAIN', `[v=\\s]*${src[t.MAINVERSIONLOOSE]
}${src[t.PRERELEASELOOSE]}?${
  src[t.BUILD]}?`)

createToken('LOOSE', `^${src[t.LOOSEPLAIN]}$`)

createToken('GTLT', '((?:<|>)?=?)')

// Something like "2.*" or "1.2.x".
// Note that "x.x" is a valid xRange identifier, meaning "any version"
// Only the first item is strictly required.
createToken('XRANGEIDENTIFIERLOOSE', `${src[t.NUMERICIDENTIFIERLOOSE]}|x|X|\\*`)
createToken('XRANGEIDENTIFIER', `${src[t.NUMERICIDENTIFIER]}|x|X|\\*`)

createToken('XRANGEPLAIN', `[v=\\s]*(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:\\.(${src[t.XRANGEIDENTIFIER]})` +
                   `(?:${src[t.PRERELEASE]})?${
                     src[t.BUILD]}?` +
                   `)?)?`)

createToken('XRANGEPLAINLOOSE', `[v=\\s]*(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:\\.(${src[t.XRANGEIDENTIFIERLOOSE]})` +
                        `(?:${src[t.PRERELEASELOOSE]})?${
                          src[t.BUILD]}?` +
                        `)?)?`)

createToken('XRANGE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAIN]}$`)
createToken('XRANGELOOSE', `^${src[t.GTLT]}\\s*${src[t.XRANGEPLAINLOOSE]}$`)

// Coercion.
// Extract anything that could conceivably be a part of a valid semver
createToken('COERCEPLAIN', `${'(^|[^\\d])' +
              '(\\d{1,'}${MAX_SAFE_COMPONENT_LENGTH}})` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?` +
              `(?:\\.(\\d{1,${MAX_SAFE_COMPONENT_LENGTH}}))?`)
createToken('COERCE', `${src[t.COERCEPLAIN]}(?:$|[^\\d])`)
createToken('COERCEFULL', src[t.COERCEPLAIN] +
              `(?:${src[t.PRERELEASE]})?` +
              `(?:${src[t.BUILD]})?` +
              `(?:$|[^\\d])`)
createToken('COERCERTL', src[t.COERCE], true)
createToken('COERCERTLFULL', src[t.COERCEFULL], true)

// Tilde ranges.
// Meaning is "reasonably at or greater than"
createToken('LONETILDE', '(?:~>?)')

createToken('TILDETRIM', `(\\s*)${src[t.LONETILDE]}\\s+`, true)
exports.tildeTrimReplace = '$1~'

createToken('TILDE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAIN]}$`)
createToken('TILDELOOSE', `^${src[t.LONETILDE]}${src[t.XRANGEPLAINLOOSE]}$`)

// Caret ranges.
// Meaning is "at least and backwards compatible with"
createToken('LONECARET', '(?:\\^)')

createToken('CARETTRIM', `(\\s*)${src[t.LONECARET]}\\s+`, true)
exports.caretTrimReplace = '$1^'

createToken('CARET', `^${src[t.LONECARET]}${src[t.XRANGEPLAIN]}$`)
createToken('CARETLOOSE', `^${src[t.LONECARET]}${src[t.XRANGEPLAINLOOSE]}$`)

// A simple gt/lt/eq thing, or just "" to indicate "any version"
createToken('COMPARATORLOOSE', `^${src[t.GTLT]}\\s*(${src[t.LOOSEPLAIN]})$|^$`)
createToken('COMPARATOR', `^${src[t.GTLT]}\\s*(${src[t.FULLPLAIN]})$|^$`)

// An expression to strip any whitespace between the gtlt and the thing
// it modifies, so that `> 1.2.3` ==> `>1.2.3`
createToken('COMPARATORTRIM', `(\\s*)${src[t.GTLT]
}\\s*(${src[t.LOOSEPLAIN]}|${src[t.XRANGEPLAIN]})`, true)
exports.comparatorTrimReplace = '$1$2$3'

// Something like `1.2.3 - 1.2.4`
// Note that these all use the loose form, because they'll be
// checked against either the strict or loose comparator form
// later.
createToken('HYPHENRANGE', `^\\s*(${src[t.XRANGEPLAIN]})` +
                   `\\s+-\\s+` +
                   `(${src[t.XRANGEPLAIN]})` +
                   `\\s*$`)

createToken('HYPHENRANGELOOSE', `^\\s*(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s+-\\s+` +
                        `(${src[t.XRANGEPLAINLOOSE]})` +
                        `\\s*$`)

// Star ranges basically just allow anything at all.
createToken('STAR', '(<|>)?=?\\s*\\*')
// >=0.0.0 is like a star
createToken('GTE0', '^\\s*>=\\s*0\\.0\\.0\\s*$')
createToken('GTE0PRE', '^\\s*>=\\s*0\\.0\\.0-0\\s*$')


/***/ }),

/***/ 9737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

// @ts-check


// Reproduce safeRe[COMPARATORTRIM] replacement boundaries, not version
// validation. Each end-index finder returns an exclusive end, or its start
// on no match.
// Positions count from zero. An end of 3 means characters 0, 1, and 2 were read;
// range.slice(start, end) gives the matched text, not a converted number.
const {
  MAX_LENGTH,
  MAX_SAFE_BUILD_LENGTH,
  WHITESPACE_CHARACTERS,
} = __nccwpck_require__(5101)

/**
 * Remembers the last two rows of digits so their characters need not be reread.
 * Positions start at -1 until a row has been found.
 *
 * @typedef {object} DigitRunCache
 * @property {number} start The first character of the most recently found row.
 * @property {number} end The position after that row's last character.
 * @property {number} previousStart The first character of the previous row.
 * @property {number} previousEnd The position after the previous row.
 */

// One entry per UTF-16 code unit keeps membership checks constant-time.
const whitespace = new Uint8Array(0x10000)
for (const char of WHITESPACE_CHARACTERS) {
  whitespace[char.charCodeAt(0)] = 1
}

/**
 * Checks whether a character is whitespace, like a space, tab, or newline.
 * Looking past the end of the string returns false.
 *
 * @param {string|undefined} char One character, or undefined past the string's end.
 * @returns {boolean} Whether the character is whitespace.
 * @example isWhitespace(' ') // true
 * @example isWhitespace('1') // false
 */
const isWhitespace = char =>
  char !== undefined && whitespace[char.charCodeAt(0)] === 1

/**
 * Checks for v, =, or whitespace before the version number.
 * These are historical version prefixes, not range operators:
 * < and > are handled separately, as are tilde and caret ranges.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can belong to a version prefix.
 * @example isVersionPrefix('=') // true
 * @example isVersionPrefix('>') // false
 */
const isVersionPrefix = char =>
  char === 'v' ||
  char === '=' ||
  isWhitespace(char)

/**
 * Checks whether a character is one of the digits 0 through 9.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII digit.
 * @example isDigit('7') // true
 * @example isDigit('.') // false
 */
const isDigit = char => char !== undefined && char >= '0' && char <= '9'

/**
 * Checks whether a character is an English letter, uppercase or lowercase.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character is an ASCII letter.
 * @example isLetter('b') // true
 * @example isLetter('7') // false
 */
const isLetter = char =>
  char !== undefined && (
    (char >= 'a' && char <= 'z') ||
    (char >= 'A' && char <= 'Z')
  )

/**
 * Checks for a letter, digit, or hyphen: the characters allowed inside
 * prerelease and build names such as beta-1.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether the character can be part of an identifier.
 * @example isIdentifierCharacter('-') // true
 * @example isIdentifierCharacter('.') // false; dots separate identifiers
 */
const isIdentifierCharacter = char => isDigit(char) || isLetter(char) || char === '-'

/**
 * Checks whether a version component can begin here: with a digit or
 * a wildcard such as x, X, or *.
 *
 * @param {string|undefined} char One character to check.
 * @returns {boolean} Whether a number or wildcard can start with this character.
 * @example isVersionStart('x') // true
 * @example isVersionStart('v') // false; v belongs to the prefix
 */
const isVersionStart = char =>
  isDigit(char) ||
  char === 'x' ||
  char === 'X' ||
  char === '*'

/**
 * Finds the end of a row of digits, but returns no more than limit digits.
 * Remembers the last two rows so looking at them again does not reread them.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first character to check.
 * @param {number} limit The most digit characters the returned match can include.
 * @param {DigitRunCache} digitRuns Shared cache of digit-run positions, updated in place.
 * @returns {number} The position after the matched digits, or start if none match.
 * @example findDigitsEndIndex('123abc', 0, 10, digitRuns) // 3, pointing at a
 * @example findDigitsEndIndex('123abc', 0, 2, digitRuns) // 2, pointing at the unread 3
 */
const findDigitsEndIndex = (range, start, limit, digitRuns) => {
  if (!isDigit(range[start])) {
    return start
  }
  if (start >= digitRuns.start && start < digitRuns.end) {
    return Math.min(start + limit, digitRuns.end)
  }
  if (start >= digitRuns.previousStart && start < digitRuns.previousEnd) {
    return Math.min(start + limit, digitRuns.previousEnd)
  }
  let end = start + 1
  while (isDigit(range[end])) {
    end++
  }
  // A failed full version can rewind from its second run to its first.
  digitRuns.previousStart = digitRuns.start
  digitRuns.previousEnd = digitRuns.end
  digitRuns.start = start
  digitRuns.end = end
  return Math.min(start + limit, end)
}

/**
 * Reads a number using the old regex's length and leading-zero rules.
 * Strict mode reads just the first zero in 012; loose mode can read all three.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the number should begin.
 * @param {boolean} loose Whether to allow leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched digits, not their numeric value.
 * @example findVersionNumberEndIndex('012', 0, false, digitRuns) // 1
 * @example findVersionNumberEndIndex('012', 0, true, digitRuns) // 3
 */
const findVersionNumberEndIndex = (range, start, loose, digitRuns) => {
  if (!loose && range[start] === '0') {
    return start + 1
  }
  // Strict syntax allows an initial nonzero digit plus MAX_LENGTH digits.
  return findDigitsEndIndex(range, start, loose ? MAX_LENGTH : MAX_LENGTH + 1, digitRuns)
}

/**
 * Reads one piece of a prerelease name, such as beta or 1 in beta.1.
 * Tries the letter-or-hyphen form first, then the number-only form.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @param {boolean} loose Whether numeric identifiers may have leading zeros.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findPrereleaseIdentifierEndIndex('beta.1', 0, false, digitRuns) // 4, at the dot
 * @example findPrereleaseIdentifierEndIndex('001beta', 0, false, digitRuns) // 7
 */
const findPrereleaseIdentifierEndIndex = (range, start, loose, digitRuns) => {
  const digitsEnd = findDigitsEndIndex(range, start, MAX_LENGTH, digitRuns)
  // The legacy regex tries a nonnumeric identifier before a numeric one.
  if (isLetter(range[digitsEnd]) || range[digitsEnd] === '-') {
    let end = digitsEnd + 1
    const limit = end + MAX_SAFE_BUILD_LENGTH
    while (end < limit && isIdentifierCharacter(range[end])) {
      end++
    }
    return end
  }
  return findVersionNumberEndIndex(range, start, loose, digitRuns)
}

/**
 * Reads a prerelease suffix such as -beta.1, one dot-separated piece at a time.
 * Loose mode also allows the name without its opening hyphen.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the suffix should begin, including -.
 * @param {boolean} loose Whether the opening hyphen is optional and zeros allowed.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched suffix, or start if absent.
 * @example findPrereleaseEndIndex('-beta.1+sha', 0, false, digitRuns) // 7, at the plus
 * @example findPrereleaseEndIndex('beta', 0, false, digitRuns) // 0; no opening hyphen
 */
const findPrereleaseEndIndex = (range, start, loose, digitRuns) => {
  const hyphen = range[start] === '-'
  if (!loose && !hyphen) {
    return start
  }
  const identifierStart = start + (hyphen ? 1 : 0)
  let end = findPrereleaseIdentifierEndIndex(range, identifierStart, loose, digitRuns)
  if (end === identifierStart) {
    if (!loose || !hyphen) {
      return start
    }
    // In loose syntax, a lone hyphen can itself be the identifier.
    end = findPrereleaseIdentifierEndIndex(range, start, loose, digitRuns)
  }
  while (range[end] === '.') {
    const next = findPrereleaseIdentifierEndIndex(range, end + 1, loose, digitRuns)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads one build-name piece, such as sha or 123 in +sha.123.
 * Stops at a disallowed character or the old regex's length limit.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the identifier should begin.
 * @returns {number} The position after the identifier, or start if none matches.
 * @example findBuildIdentifierEndIndex('sha.123', 0) // 3, at the dot
 * @example findBuildIdentifierEndIndex('001', 0) // 3; leading zeros are allowed
 */
const findBuildIdentifierEndIndex = (range, start) => {
  let end = start
  while (end - start < MAX_SAFE_BUILD_LENGTH && isIdentifierCharacter(range[end])) {
    end++
  }
  return end
}

/**
 * Reads optional build metadata such as +sha.123.
 * Leaves the position unchanged if there is no plus sign followed by a name.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the opening + should be.
 * @returns {number} The position after the matched metadata, or start if absent.
 * @example findBuildEndIndex('+sha.123 <2', 0) // 8, at the space
 * @example findBuildEndIndex('+', 0) // 0; a plus sign alone is not a match
 */
const findBuildEndIndex = (range, start) => {
  if (range[start] !== '+') {
    return start
  }
  let end = findBuildIdentifierEndIndex(range, start + 1)
  if (end === start + 1) {
    return start
  }
  while (range[end] === '.') {
    const next = findBuildIdentifierEndIndex(range, end + 1)
    if (next === end + 1) {
      break
    }
    end = next
  }
  return end
}

/**
 * Reads three numbers separated by dots, then any prerelease and build suffixes.
 * Uses loose rules, so forms such as 01.02.03beta can match here.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of the first number, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the version match, or start if none matches.
 * @example findLooseFullVersionEndIndex('1.2.3-beta+sha <2', 0, digitRuns) // 14
 * @example findLooseFullVersionEndIndex('1.2', 0, digitRuns) // 0; needs three numbers
 */
const findLooseFullVersionEndIndex = (range, start, digitRuns) => {
  let end = start
  for (let component = 0; component < 3; component++) {
    const next = findVersionNumberEndIndex(range, end, true, digitRuns)
    if (next === end) {
      return start
    }
    end = next
    if (component < 2) {
      if (range[end] !== '.') {
        return start
      }
      end++
    }
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, true, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Reads one component of a partial or wildcard version, such as 2 or x in 2.x.
 * Numbers use strict leading-zero rules; wildcards take up one character.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position where the component should begin.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the component, or start if none matches.
 * @example findPartialVersionComponentEndIndex('2.x', 0, digitRuns) // 1, at the dot
 * @example findPartialVersionComponentEndIndex('2.x', 2, digitRuns) // 3, after x
 */
const findPartialVersionComponentEndIndex = (range, start, digitRuns) => {
  if (isDigit(range[start])) {
    return findVersionNumberEndIndex(range, start, false, digitRuns)
  }
  return isVersionStart(range[start]) ? start + 1 : start
}

/**
 * Reads up to three components, allowing forms such as 1, 1.2, or 1.x.
 * After the third component, also reads any strict prerelease and build suffixes.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position after the matched version text.
 * @example findPartialVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 * @example findPartialVersionEndIndex('1.', 0, digitRuns) // 1; the trailing dot is unread
 */
const findPartialVersionEndIndex = (range, start, digitRuns) => {
  let end = findPartialVersionComponentEndIndex(range, start, digitRuns)
  for (let component = 0; component < 2; component++) {
    if (range[end] !== '.') {
      return end
    }
    const next = findPartialVersionComponentEndIndex(range, end + 1, digitRuns)
    if (next === end + 1) {
      return end
    }
    end = next
  }
  const prereleaseEnd = findPrereleaseEndIndex(range, end, false, digitRuns)
  return findBuildEndIndex(range, prereleaseEnd)
}

/**
 * Finds where a version match ends, without deciding whether the range is valid.
 * Tries a loose full version first, then a partial or wildcard version, just
 * like the old regex's LOOSEPLAIN and XRANGEPLAIN alternatives.
 *
 * @param {string} range The text to read; it is not changed.
 * @param {number} start The position of a number or wildcard, after any prefix.
 * @param {DigitRunCache} digitRuns Shared digit-run cache, updated as needed.
 * @returns {number} The position where scanning the next candidate can resume.
 * @example findVersionEndIndex('1.2.3 <2', 0, digitRuns) // 5, at the space
 * @example findVersionEndIndex('1.x <2', 0, digitRuns) // 3, at the space
 */
const findVersionEndIndex = (range, start, digitRuns) => {
  const fullVersionEnd = findLooseFullVersionEndIndex(range, start, digitRuns)
  return fullVersionEnd !== start
    ? fullVersionEnd
    : findPartialVersionEndIndex(range, start, digitRuns)
}

/**
 * Finds the one whitespace character the old replacement would remove.
 * Keeps leading whitespace, skips an optional operator, and checks immediately
 * after it. Returns -1 if there is nothing to remove.
 *
 * @param {string} range The text containing a candidate already found by the caller.
 * @param {number} matchStart The candidate's position, including leading whitespace.
 * @returns {number} The position of the removable whitespace, or -1 if absent.
 * @example findRemovableWhitespaceIndex(' > 1', 0) // 2; keep the space at position 0
 * @example findRemovableWhitespaceIndex('>1', 0) // -1
 */
const findRemovableWhitespaceIndex = (range, matchStart) => {
  let position = matchStart
  if (isWhitespace(range[position])) {
    position++
  }
  if (range[position] === '<' || range[position] === '>') {
    position++
  }
  if (range[position] === '=') {
    position++
  }
  return isWhitespace(range[position]) ? position : -1
}

/**
 * Joins an operator to its version, turning > 1.2.3 into >1.2.3.
 * Copies everything else according to the old regex's matching rules.
 * Moves forward through prefixes and whole versions to avoid repeatedly
 * searching the same characters on long inputs.
 *
 * @param {string} range The range text to process; the original string is unchanged.
 * @returns {string} The range with matched operator whitespace removed.
 * @example trimComparatorWhitespace('> 1.2.3 < 2') // '>1.2.3 <2'
 * @example trimComparatorWhitespace('> invalid') // '> invalid'
 */
const trimComparatorWhitespace = range => {
  let result = ''
  let copyFrom = 0
  let cursor = 0
  const digitRuns = { start: -1, end: -1, previousStart: -1, previousEnd: -1 }

  while (cursor < range.length) {
    const matchStart = cursor
    if (range[cursor] === '<' || range[cursor] === '>') {
      cursor++
    } else if (!isVersionPrefix(range[cursor]) && !isVersionStart(range[cursor])) {
      cursor++
      continue
    }

    // Consume a v/=/whitespace run once, even when no version follows it.
    while (cursor < range.length && isVersionPrefix(range[cursor])) {
      cursor++
    }
    if (!isVersionStart(range[cursor])) {
      continue
    }

    const whitespacePosition = findRemovableWhitespaceIndex(range, matchStart)
    if (whitespacePosition !== -1) {
      result += range.slice(copyFrom, whitespacePosition)
      copyFrom = whitespacePosition + 1
    }

    // Skip the entire match, so a prerelease's trailing v cannot be
    // reconsidered as the prefix of another version.
    cursor = findVersionEndIndex(range, cursor, digitRuns)
  }

  return result + range.slice(copyFrom)
}

module.exports = trimComparatorWhitespace


/***/ }),

/***/ 1866:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const SemVer = __nccwpck_require__(7163)
const Range = __nccwpck_require__(6782)
const gt = __nccwpck_require__(6599)

const minVersion = (range, loose) => {
  range = new Range(range, loose)

  let minver = new SemVer('0.0.0')
  if (range.test(minver)) {
    return minver
  }

  minver = new SemVer('0.0.0-0')
  if (range.test(minver)) {
    return minver
  }

  minver = null
  for (let i = 0; i < range.set.length; ++i) {
    const comparators = range.set[i]

    let setMin = null
    comparators.forEach((comparator) => {
      // Clone to avoid manipulating the comparator's semver object.
      const compver = new SemVer(comparator.semver.version)
      switch (comparator.operator) {
        case '>':
          if (compver.prerelease.length === 0) {
            compver.patch++
          } else {
            compver.prerelease.push(0)
          }
          compver.raw = compver.format()
          /* fallthrough */
        case '':
        case '>=':
          if (!setMin || gt(compver, setMin)) {
            setMin = compver
          }
          break
        case '<':
        case '<=':
          /* Ignore maximum versions */
          break
        /* istanbul ignore next */
        default:
          throw new Error(`Unexpected operation: ${comparator.operator}`)
      }
    })
    if (setMin && (!minver || gt(minver, setMin))) {
      minver = setMin
    }
  }

  if (minver && range.test(minver)) {
    return minver
  }

  return null
}
module.exports = minVersion


/***/ }),

/***/ 4737:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {



const Range = __nccwpck_require__(6782)
const validRange = (range, options) => {
  try {
    // Return '*' instead of '' so that truthiness works.
    // This will throw if it's invalid anyway
    return new Range(range, options).range || '*'
  } catch (er) {
    return null
  }
}
module.exports = validRange


/***/ }),

/***/ 7040:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ main_run)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/action/workflow.ts



/** As `@actions/core`: strings as they are, nothing for undefined/null, JSON for everything else. */
function commandValue(value) {
    if (value === null || value === undefined)
        return '';
    return typeof value === 'string' || value instanceof String ? String(value) : JSON.stringify(value);
}
/** Values masked with `setSecret`. */
const secrets = new Set();
/**
 * The text with every masked value replaced by `***`. The runner masks the log, but not the files the action
 * writes (summary, outputs, reports) nor what it posts; and a server may echo a token in an error message.
 */
function redact(text) {
    let redacted = text;
    for (const secret of secrets)
        redacted = redacted.split(secret).join('***');
    return redacted;
}
function escapeText(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeData(value) {
    return escapeText(redact(commandValue(value)));
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** `::name key=value,…::message` on stdout; empty properties are left out. */
function issueCommand(name, properties, message) {
    const pairs = Object.entries(properties)
        .filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== 0)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`);
    const head = pairs.length > 0 ? `::${name} ${pairs.join(',')}` : `::${name}`;
    process.stdout.write(`${head}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** `::add-mask::` is the one command that must carry the secret itself. */
function maskCommand(secret) {
    process.stdout.write(`::add-mask::${escapeText(secret)}${external_node_os_namespaceObject.EOL}`);
}
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
/** Appends `name<<delimiter` … `delimiter` to `$GITHUB_OUTPUT`, or the old `set-output` command without it. */
function setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT;
    if (!file) {
        process.stdout.write(external_node_os_namespaceObject.EOL);
        issueCommand('set-output', { name }, commandValue(value));
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    const text = redact(commandValue(value));
    if (name.includes(delimiter) || text.includes(delimiter))
        throw new Error('output contains its delimiter');
    (0,external_node_fs_namespaceObject.appendFileSync)(file, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${text}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, { encoding: 'utf8' });
}
function setSecret(secret) {
    maskCommand(secret);
    if (secret)
        secrets.add(secret);
}
function annotation(kind, message, properties = {}) {
    const { title, file, startLine, endLine, startColumn, endColumn } = properties;
    issueCommand(kind, { title, file, line: startLine, endLine, col: startColumn, endColumn }, message instanceof Error ? message.toString() : message);
}
function error(message, properties) {
    annotation('error', message, properties);
}
function warning(message, properties) {
    annotation('warning', message, properties);
}
function notice(message, properties) {
    annotation('notice', message, properties);
}
function info(message) {
    process.stdout.write(redact(message) + external_node_os_namespaceObject.EOL);
}
function debug(message) {
    issueCommand('debug', {}, message);
}
/** Marks the step failed: exit code 1 and an error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
/** `core.summary.addRaw(text).write()`: appends to `$GITHUB_STEP_SUMMARY`. */
class Summary {
    buffer = '';
    addRaw(text, addEol = false) {
        this.buffer += text + (addEol ? external_node_os_namespaceObject.EOL : '');
        return this;
    }
    async write() {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (!file) {
            throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.');
        }
        (0,external_node_fs_namespaceObject.appendFileSync)(file, redact(this.buffer), { encoding: 'utf8' });
        this.buffer = '';
        return this;
    }
}
const summary = new Summary();

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
;// CONCATENATED MODULE: ./src/model/read.ts
/** Small, total readers over plain YAML values: they never throw on a wrong type, they return undefined. */
function asRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}
function asArray(value) {
    return Array.isArray(value) ? value : [];
}
function asString(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean')
        return String(value);
    return undefined;
}
/** Kubernetes booleans; strings such as "true" are accepted because Helm values often quote them. */
function read_asBoolean(value) {
    if (typeof value === 'boolean')
        return value;
    if (typeof value === 'string') {
        const lower = value.trim().toLowerCase();
        if (['true', 'yes', 'on'].includes(lower))
            return true;
        if (['false', 'no', 'off'].includes(lower))
            return false;
    }
    return undefined;
}
function read_getIn(value, path) {
    let current = value;
    for (const segment of path) {
        if (Array.isArray(current) && typeof segment === 'number')
            current = current[segment];
        else {
            const record = asRecord(current);
            if (!record)
                return undefined;
            current = record[String(segment)];
        }
    }
    return current;
}
/** A map of string to string (labels, annotations); non-string values are stringified, other entries dropped. */
function stringMap(value) {
    const record = asRecord(value);
    const result = {};
    if (!record)
        return result;
    for (const [key, item] of Object.entries(record)) {
        const text = asString(item);
        if (text !== undefined)
            result[key] = text;
    }
    return result;
}
/** Deep merge where `override` wins; arrays are replaced, as Helm does. */
function deepMerge(base, override) {
    const result = { ...base };
    for (const [key, value] of Object.entries(override)) {
        const left = asRecord(result[key]);
        const right = asRecord(value);
        result[key] = left && right ? deepMerge(left, right) : value;
    }
    return result;
}
function asNumber(value) {
    if (typeof value === 'number' && Number.isFinite(value))
        return value;
    if (typeof value === 'string' && /^\d+$/.test(value.trim()))
        return Number(value.trim());
    return undefined;
}

;// CONCATENATED MODULE: ./src/config/load.ts




const DEFAULT_CONFIG_PATH = '.github/dynakube-istio-guard.yml';
class ConfigError extends Error {
}
const SETTINGS = new Set(['error', 'warning', 'info', 'off']);
function emptyConfig() {
    return { rules: {}, include: [], exclude: [], raw: {} };
}
/** Reads the config file; a missing default file is an empty config, a missing explicit file is an error. */
async function loadConfig(repo, explicitPath) {
    const file = external_node_path_default().resolve(repo, explicitPath ?? DEFAULT_CONFIG_PATH);
    let text;
    try {
        text = await external_node_fs_namespaceObject.promises.readFile(file, 'utf8');
    }
    catch {
        if (explicitPath)
            throw new ConfigError(`config file ${explicitPath} cannot be read`);
        return emptyConfig();
    }
    return parseConfig(text, explicitPath ?? DEFAULT_CONFIG_PATH);
}
function parseConfig(text, label) {
    let raw;
    try {
        raw = (0,dist/* parse */.qg)(text, { version: '1.1' });
    }
    catch (error) {
        const line = error.linePos?.[0]?.line ?? 1;
        throw new ConfigError(`${label}:${line}: not valid YAML`);
    }
    const record = asRecord(raw) ?? {};
    const rules = {};
    for (const [id, value] of Object.entries(asRecord(record.rules) ?? {})) {
        const setting = value === false ? 'off' : asString(value)?.toLowerCase();
        if (!setting || !SETTINGS.has(setting)) {
            throw new ConfigError(`${label}: rules.${id} must be one of error, warning, info, off`);
        }
        rules[id] = setting;
    }
    const strings = (value) => asArray(value)
        .map(asString)
        .filter((s) => !!s);
    return { rules, include: strings(record.paths), exclude: strings(record.exclude), raw: record };
}

;// CONCATENATED MODULE: ./src/model/provenance.ts
function provenance_fact(value, origin, defaulted = false) {
    return defaulted ? { value, origin, defaulted } : { value, origin };
}

;// CONCATENATED MODULE: ./src/model/resource.ts

/** Identity of a Kubernetes object, or undefined when the document is not one (no kind / apiVersion / name). */
function readResource(document, value) {
    const object = asRecord(value);
    if (!object)
        return undefined;
    const kind = asString(object.kind);
    const apiVersion = asString(object.apiVersion);
    const metadata = asRecord(object.metadata);
    const name = asString(metadata?.name);
    if (!kind || !apiVersion || !name)
        return undefined;
    const namespace = asString(metadata?.namespace);
    return {
        kind,
        apiVersion,
        name,
        ...(namespace ? { namespace } : {}),
        origin: nameOrigin(document),
        document,
        labels: stringMap(metadata?.labels),
        annotations: stringMap(metadata?.annotations),
    };
}
/**
 * Where an object is: the line of its `metadata.name`, found on first use. Asking a document for a line reads its
 * nodes, and most objects of a big repository are never reported; reading them all cost more than the rest of a
 * model build on a repository of thousands of related objects. The line is a getter, so it is copied and
 * serialised like a plain value.
 */
function nameOrigin(document) {
    let line;
    return {
        file: document.file,
        get line() {
            return (line ??= document.lineAt(['metadata', 'name']) ?? document.line);
        },
    };
}
function apiGroup(apiVersion) {
    const slash = apiVersion.indexOf('/');
    return slash < 0 ? '' : apiVersion.slice(0, slash);
}
/** Origin of the field at `path` in the resource's document, falling back to the resource's own line. */
function originAt(resource, path, fallback = resource.origin) {
    const range = resource.document.rangeAt(path);
    return range
        ? {
            file: fileAt(resource.document, path),
            line: range.startLine,
            endLine: range.endLine,
            path: path.join('.'),
        }
        : { ...fallback, path: path.join('.') };
}
/**
 * {@link originAt}, worked out on first use: for facts read from every object of a kind (a ServiceEntry's hosts, a
 * PeerAuthentication's mode), most of which no finding or change ever points at. `endLine` is always a key, undefined
 * where the field has no range of its own: JSON leaves it out, and readers (`endLine ?? line`) take it as absent.
 */
function originLaterAt(resource, path) {
    let known;
    const origin = () => (known ??= originAt(resource, path));
    return {
        get file() {
            return origin().file;
        },
        get line() {
            return origin().line;
        },
        get endLine() {
            return origin().endLine;
        },
        path: path.join('.'),
    };
}
/** The file holding the value at `path`: the patch file for a value a kustomize patch wrote. */
function fileAt(document, path) {
    return document.fileAt?.(path) ?? document.file;
}

;// CONCATENATED MODULE: ./src/model/chart-values.ts


/** A layer that is a mapping at `valuesPath` in a document (a values file, inline values, a nested values string). */
function documentLayer(document, valuesPath, via) {
    return { via, values: asRecord(read_getIn(document.value, valuesPath)) ?? {}, document, valuesPath };
}
/** Merges Helm style: maps deep, lists and scalars replaced, `null` deletes the key (as `helm` does). */
function helmMerge(base, override) {
    const result = { ...base };
    for (const [key, value] of Object.entries(override)) {
        if (value === null) {
            delete result[key];
            continue;
        }
        const left = asRecord(result[key]);
        const right = asRecord(value);
        result[key] = left && right ? helmMerge(left, right) : value;
    }
    return result;
}
function mergeLayers(layers) {
    return layers.reduce((merged, layer) => helmMerge(merged, layer.values), {});
}
/** Where `path` is written in one layer, or undefined when the layer does not set it. */
function layerOrigin(layer, path) {
    if (read_getIn(layer.values, path) === undefined)
        return undefined;
    if (layer.locate)
        return layer.locate(path);
    if (!layer.document || !layer.valuesPath)
        return undefined;
    const full = [...layer.valuesPath, ...path];
    const range = layer.document.rangeAt(full);
    return range
        ? {
            file: fileAt(layer.document, full),
            line: range.startLine,
            endLine: range.endLine,
            path: full.join('.'),
        }
        : undefined;
}
/**
 * Chart values from several layers. `document`/`valuesPath` name the layer a person edits to change a value:
 * the highest-precedence layer that is a mapping in a document.
 */
function layeredChartValues(chart, layers, release) {
    const editable = [...layers].reverse().find((layer) => !layer.preset && layer.document && layer.valuesPath);
    return {
        chart,
        values: mergeLayers(layers),
        document: editable?.document ?? release.fallback.document,
        valuesPath: editable?.valuesPath ?? release.fallback.valuesPath,
        origin: release.origin,
        via: release.via,
        layers,
        ...(release.releaseNamespace ? { releaseNamespace: release.releaseNamespace } : {}),
        ...(release.chartVersion ? { chartVersion: release.chartVersion } : {}),
        ...(release.releaseName ? { releaseName: release.releaseName } : {}),
    };
}
/** Splits a Helm `--set` key (`pilot.env.A`, `a\.b.c`, `list[0].x`) into a path. */
function parseSetKey(key) {
    const path = [];
    let current = '';
    for (let i = 0; i < key.length; i++) {
        const char = key[i];
        if (char === '\\' && i + 1 < key.length) {
            current += key[++i];
        }
        else if (char === '.') {
            if (current !== '')
                path.push(current);
            current = '';
        }
        else if (char === '[') {
            const end = key.indexOf(']', i);
            if (current !== '')
                path.push(current);
            current = '';
            path.push(Number(key.slice(i + 1, end < 0 ? undefined : end)));
            i = end < 0 ? key.length : end;
        }
        else {
            current += char;
        }
    }
    if (current !== '')
        path.push(current);
    return path;
}
/** Helm `--set` typing: `true`/`false` and integers become typed, the rest stays a string (`--set-string` keeps all). */
function setValue(raw, forceString) {
    if (forceString)
        return raw;
    if (raw === 'true')
        return true;
    if (raw === 'false')
        return false;
    if (raw === 'null')
        return null;
    if (/^-?(0|[1-9]\d{0,15})$/.test(raw))
        return Number(raw);
    return raw;
}
/** Builds the nested object for one `--set` assignment. */
function setAt(target, path, value) {
    let current = target;
    path.forEach((segment, index) => {
        const last = index === path.length - 1;
        const nextIsIndex = typeof path[index + 1] === 'number';
        const container = current;
        if (last) {
            container[segment] = value;
            return;
        }
        if (container[segment] === undefined ||
            typeof container[segment] !== 'object' ||
            container[segment] === null)
            container[segment] = nextIsIndex ? [] : {};
        current = container[segment];
    });
}

;// CONCATENATED MODULE: ./src/parse/template.ts

/**
 * Helm chart templates (`{{ .Values.x }}`, `{{- if … }}`) are not YAML until rendered. The YAML parser either
 * rejects them or reads `{{ … }}` as a flow mapping used as a key; both mean the document is a template, which the
 * check does not render, so it is reported as such instead of as a syntax error or a silently odd value.
 */
const TEMPLATE_ACTION = /\{\{-?\s*[^}]*\}\}/;
/** 0-based offset of the first `{{ … }}` action in `text[start, end)`, or undefined. */
function templateActionOffset(text, start, end) {
    const match = TEMPLATE_ACTION.exec(text.slice(start, end));
    return match ? start + match.index : undefined;
}
/** Whether a mapping in the document has a mapping or sequence as a key (`{{ .Values.x }}: …` or `name: {{ x }}`). */
function hasCollectionKey(doc) {
    const stack = [doc.contents];
    while (stack.length > 0) {
        const node = stack.pop();
        if ((0,dist/* isSeq */.oP)(node))
            for (const item of node.items)
                stack.push(item);
        else if ((0,dist/* isMap */.jh)(node)) {
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair))
                    continue;
                if ((0,dist/* isMap */.jh)(pair.key) || (0,dist/* isSeq */.oP)(pair.key))
                    return true;
                stack.push(pair.value);
            }
        }
    }
    return false;
}
const TEMPLATE_REASON = 'Helm/Go template syntax ({{ … }}): the document is a template, not YAML until rendered, and was not evaluated';

;// CONCATENATED MODULE: ./src/parse/yaml.ts


/** The value at `path` in a plain value; undefined where the path leads nowhere. */
function valueAt(value, path) {
    let current = value;
    for (const segment of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[segment];
    }
    return current;
}
/** The writers of `path` in `document`: the document itself when it is no overlay and holds the path. */
function yaml_writersOf(document, path) {
    if (document.writersAt)
        return document.writersAt(path);
    return document.describeAt(path) ? [{ document, path: [...path], patch: false }] : [];
}
/** Kubernetes reads YAML 1.1 style: yes/no/on/off booleans and `<<` merge keys. */
const PARSE_OPTIONS = {
    version: '1.1',
    merge: true,
    uniqueKeys: false,
    prettyErrors: false,
    // Warnings would go to the process's stderr; what matters about a document is reported as a problem instead.
    logLevel: 'error',
};
/** Bounds the expansion of aliases so a "billion laughs" document cannot exhaust memory. */
const MAX_ALIAS_COUNT = 1000;
/** Follows an alias to the node its anchor names; other nodes are returned as they are. */
function resolved(node, doc) {
    let current = node;
    for (let hops = 0; current && (0,dist/* isAlias */.Vj)(current) && hops < 32; hops++)
        current = current.resolve(doc);
    return current;
}
const MERGE_KEY = '<<';
/** With `merge: true` the parser gives a `<<` key a symbol value. */
function isMergeKey(key) {
    return (0,dist/* isScalar */.jn)(key) && (typeof key.value === 'symbol' || key.source === MERGE_KEY);
}
/** The pair for `segment` in a map: its own keys first, then the maps merged in with `<<` (earlier merges win). */
function findPair(map, segment, doc, depth = 0) {
    const own = map.items.find((item) => (0,dist/* isPair */.tO)(item) &&
        (0,dist/* isScalar */.jn)(item.key) &&
        !isMergeKey(item.key) &&
        String(item.key.value) === String(segment));
    if (own)
        return { key: own.key, value: (own.value ?? undefined) };
    if (depth > 16)
        return undefined;
    for (const item of map.items) {
        if (!(0,dist/* isPair */.tO)(item) || !isMergeKey(item.key))
            continue;
        const merged = resolved(item.value, doc);
        const sources = (0,dist/* isSeq */.oP)(merged) ? merged.items.map((entry) => resolved(entry, doc)) : [merged];
        for (const source of sources) {
            if (!(0,dist/* isMap */.jh)(source))
                continue;
            const found = findPair(source, segment, doc, depth + 1);
            if (found)
                return found;
        }
    }
    return undefined;
}
function locate(root, path, doc) {
    let current = { value: root ?? undefined };
    for (const segment of path) {
        const node = resolved(current.value, doc);
        if ((0,dist/* isMap */.jh)(node)) {
            const found = findPair(node, segment, doc);
            if (!found)
                return undefined;
            current = found;
        }
        else if ((0,dist/* isSeq */.oP)(node) && typeof segment === 'number') {
            const item = node.items[segment];
            if (item === undefined)
                return undefined;
            current = { value: item };
        }
        else {
            return undefined;
        }
    }
    return current;
}
const identity = (line, col) => ({ line, col });
function makeDocument(file, index, doc, lines, text, mapPosition = identity) {
    const positionOf = (offset) => {
        const { line, col } = lines.linePos(offset);
        return mapPosition(line, col);
    };
    const lineOfOffset = (offset) => positionOf(offset).line;
    const contents = doc.contents;
    const startOffset = contents?.range?.[0] ?? doc.range?.[0] ?? 0;
    return {
        file,
        index,
        value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
        line: lineOfOffset(startOffset),
        lineAt(path) {
            const found = locate(contents, path, doc);
            const node = found?.key ?? found?.value;
            return node?.range ? lineOfOffset(node.range[0]) : undefined;
        },
        positionAt(path) {
            const found = locate(contents, path, doc);
            const node = found?.key ?? found?.value;
            return node?.range ? positionOf(node.range[0]) : undefined;
        },
        rangeAt(path) {
            const found = locate(contents, path, doc);
            const first = found?.key ?? found?.value;
            if (!first?.range)
                return undefined;
            const last = found?.value?.range ? found.value : first;
            const endOffset = Math.max(last.range[1] - 1, first.range[0]);
            return { startLine: lineOfOffset(first.range[0]), endLine: lineOfOffset(endOffset) };
        },
        describeAt(path) {
            const found = locate(contents, path, doc);
            if (!found)
                return undefined;
            const value = found.value;
            const anchor = found.key ?? value;
            if (!anchor?.range)
                return undefined;
            const start = positionOf(anchor.range[0]);
            const valueRange = value?.range ?? anchor.range;
            const endLine = lineOfOffset(Math.max(valueRange[1] - 1, valueRange[0]));
            const isNull = !value || ((0,dist/* isScalar */.jn)(value) && value.value === null);
            const kind = (0,dist/* isMap */.jh)(value) ? 'map' : (0,dist/* isSeq */.oP)(value) ? 'seq' : isNull ? 'null' : 'scalar';
            const flow = ((0,dist/* isMap */.jh)(value) || (0,dist/* isSeq */.oP)(value)) && value.flow === true;
            const firstChild = (0,dist/* isMap */.jh)(value)
                ? value.items[0]?.key
                : (0,dist/* isSeq */.oP)(value)
                    ? value.items[0]
                    : undefined;
            const childCol = firstChild?.range ? positionOf(firstChild.range[0]).col : undefined;
            return { kind, flow, start, endLine: isNull ? start.line : endLine, ...(childCol ? { childCol } : {}) };
        },
        nestedAt(path) {
            const node = resolved(locate(contents, path, doc)?.value, doc);
            if (!(0,dist/* isScalar */.jn)(node) || typeof node.value !== 'string' || !node.range)
                return undefined;
            const header = lines.linePos(node.range[0]);
            // A block scalar's content starts on the line after its `|` header, one line per line, indented.
            const isBlock = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
            if (!isBlock)
                return parseYamlText(file, node.value, () => mapPosition(header.line, header.col));
            const indent = blockIndent(text, node.range[0]);
            return parseYamlText(file, node.value, (line, col) => mapPosition(header.line + line, col + indent));
        },
    };
}
/** Indentation of the first non-empty content line of the block scalar whose header starts at `offset`. */
function blockIndent(text, offset) {
    const lines = text.slice(offset).split('\n').slice(1);
    const first = lines.find((line) => line.trim() !== '');
    return first ? first.length - first.trimStart().length : 0;
}
/** Parses a multi-document YAML text. Never throws: syntax errors become `problems` with file and line. */
function parseYamlText(file, rawText, mapPosition = identity) {
    const mapLine = (line) => mapPosition(line, 1).line;
    const text = rawText.charCodeAt(0) === 0xfeff ? rawText.slice(1) : rawText;
    const lineCounter = new dist/* LineCounter */.HN();
    const documents = [];
    const problems = [];
    let parsed;
    try {
        parsed = (0,dist/* parseAllDocuments */.hR)(text, { ...PARSE_OPTIONS, lineCounter });
    }
    catch (error) {
        return {
            file,
            text,
            documents,
            problems: [{ file, line: 1, reason: `YAML could not be read: ${messageOf(error)}` }],
        };
    }
    if (!Array.isArray(parsed))
        parsed = [];
    // Errors at the end of the text point one past its last line; a line there cannot be annotated.
    const lastLine = Math.max(1, lineCounter.linePos(Math.max(0, text.trimEnd().length - 1)).line);
    const lineOf = (offset) => mapLine(Math.min(lineCounter.linePos(offset).line, lastLine));
    parsed.forEach((doc, index) => {
        const template = templateActionOffset(text, doc.range[0], doc.range[2]);
        if (template !== undefined && (doc.errors.length > 0 || hasCollectionKey(doc))) {
            problems.push({ file, line: lineOf(template), reason: TEMPLATE_REASON });
            return;
        }
        if (doc.errors.length > 0) {
            const error = doc.errors[0];
            problems.push({ file, line: lineOf(error.pos[0]), reason: syntaxReason(error.message) });
            return;
        }
        if (isEmptyDocument(doc))
            return;
        for (const duplicate of duplicateKeys(doc)) {
            const line = lineOf(duplicate.offset);
            const first = lineOf(duplicate.firstOffset);
            problems.push({
                file,
                line,
                reason: `duplicate key "${duplicate.key}" (first at line ${first}); the last value is used`,
            });
        }
        try {
            documents.push(makeDocument(file, index, doc, lineCounter, text, mapPosition));
        }
        catch (error) {
            const reason = isStackOverflow(error)
                ? TOO_DEEP
                : `YAML document could not be read: ${messageOf(error)}`;
            problems.push({ file, line: lineOf(doc.range[0]), reason });
        }
    });
    return { file, text, documents, problems };
}
const TOO_DEEP = 'YAML document is nested too deeply to be read';
/** The parser reports running out of stack as an error of the document; that is depth, not a typo. */
function isStackOverflow(error) {
    return error instanceof RangeError || /maximum call stack/i.test(messageOf(error));
}
function syntaxReason(message) {
    return isStackOverflow(message) ? TOO_DEEP : `YAML syntax error: ${firstLine(message)}`;
}
/** An empty or comment-only document parses to a null scalar (or no contents at all). */
function isEmptyDocument(doc) {
    return doc.contents === null || ((0,dist/* isScalar */.jn)(doc.contents) && doc.contents.value === null);
}
/**
 * Keys repeated in one mapping. Kubernetes' decoder keeps the last one silently; a reviewer should know, because
 * the first one is what a person reading the file sees.
 */
function duplicateKeys(doc) {
    const found = [];
    const stack = [doc.contents];
    while (stack.length > 0) {
        const node = stack.pop();
        if ((0,dist/* isSeq */.oP)(node)) {
            // One by one: a spread of a long flow sequence would overflow the call stack.
            for (const item of node.items)
                stack.push(item);
        }
        else if ((0,dist/* isMap */.jh)(node)) {
            const seen = new Map();
            for (const pair of node.items) {
                if (!(0,dist/* isPair */.tO)(pair))
                    continue;
                const key = pair.key;
                if ((0,dist/* isScalar */.jn)(key) && !isMergeKey(key) && key.range) {
                    const name = String(key.value);
                    const first = seen.get(name);
                    if (first === undefined)
                        seen.set(name, key.range[0]);
                    else
                        found.push({ key: name, offset: key.range[0], firstOffset: first });
                }
                stack.push(pair.value);
            }
        }
    }
    return found.sort((a, b) => a.offset - b.offset);
}
function firstLine(message) {
    return message.split('\n')[0].trim();
}
function messageOf(error) {
    return firstLine(error instanceof Error ? error.message : String(error));
}
/** A view of the node at `prefix` as a document of its own (an item of a `kind: List`). */
function subDocument(document, prefix, value) {
    const full = (path) => [...prefix, ...path];
    return {
        file: document.file,
        index: document.index,
        value,
        line: document.lineAt(prefix) ?? document.line,
        lineAt: (path) => document.lineAt(full(path)),
        positionAt: (path) => document.positionAt(full(path)),
        rangeAt: (path) => document.rangeAt(full(path)),
        describeAt: (path) => document.describeAt(full(path)),
        nestedAt: (path) => document.nestedAt(full(path)),
        ...(document.fileAt ? { fileAt: (path) => document.fileAt(full(path)) } : {}),
        ...(document.writersAt
            ? { writersAt: (path) => document.writersAt(full(path)) }
            : {}),
    };
}
/**
 * A document whose value was changed after parsing (a kustomize patch, a Flux substitution): lines, ranges and
 * nested documents of the paths a source wrote come from that source (the patch file), the others from `base`.
 */
function overlayDocument(base, value, sources) {
    /** The source that wrote `path` last (later sources win), if any wrote it or a node above it. */
    const topSource = (path) => {
        for (let i = sources.length - 1; i >= 0; i--) {
            const source = sources[i];
            if (source.path.length <= path.length &&
                source.path.every((segment, j) => String(segment) === String(path[j])))
                return source;
        }
        return undefined;
    };
    const mapped = (source, path) => [
        ...source.documentPath,
        ...path.slice(source.path.length),
    ];
    const route = (path) => {
        const source = topSource(path);
        return source
            ? { document: source.document, path: mapped(source, path) }
            : { document: base, path: [...path] };
    };
    return {
        file: base.file,
        index: base.index,
        value,
        line: base.line,
        lineAt: (path) => {
            const target = route(path);
            return target.document.lineAt(target.path);
        },
        positionAt: (path) => {
            const target = route(path);
            return target.document.positionAt(target.path);
        },
        rangeAt: (path) => {
            const target = route(path);
            return target.document.rangeAt(target.path);
        },
        describeAt: (path) => {
            const target = route(path);
            return target.document.describeAt(target.path);
        },
        nestedAt: (path) => {
            const target = route(path);
            return target.document.nestedAt(target.path);
        },
        fileAt: (path) => {
            const target = route(path);
            return target.document.fileAt?.(target.path) ?? target.document.file;
        },
        writersAt: (path) => {
            // A value a later patch removed has no writer left: editing the files that show it would change nothing.
            if (valueAt(value, path) === undefined)
                return [];
            const top = topSource(path);
            if (!top)
                return yaml_writersOf(base, path);
            const writer = { document: top.document, path: mapped(top, path), patch: true };
            // A source that replaced a whole subtree above `path` hides what the documents below wrote there.
            return top.path.length < path.length ? [writer] : [writer, ...yaml_writersOf(base, path)];
        },
    };
}

;// CONCATENATED MODULE: ./src/model/repo.ts



function indexRepository(files) {
    const repo = { files: new Map(), resources: [], plainDocuments: [], generatedConfigMaps: [] };
    for (const file of files) {
        repo.files.set(file.file, file);
        for (const document of file.documents)
            addDocument(repo, document);
    }
    return repo;
}
function addDocument(repo, document) {
    const object = asRecord(document.value);
    if (object?.kind === 'List' && Array.isArray(object.items)) {
        asArray(object.items).forEach((item, index) => addDocument(repo, subDocument(document, ['items', index], item)));
        return;
    }
    const resource = readResource(document, document.value);
    if (resource)
        repo.resources.push(resource);
    else if (object)
        repo.plainDocuments.push(document);
}
/** The object of `kind` named `name`, preferring one in `namespace` (or without a namespace in the file). */
function findResource(repo, kind, name, namespace) {
    const candidates = repo.resources.filter((r) => r.kind === kind && r.name === name);
    return (candidates.find((r) => r.namespace === namespace) ??
        candidates.find((r) => r.namespace === undefined) ??
        candidates[0]);
}
/** First document of a repository file, for values files. */
function firstDocument(repo, path) {
    return repo.files.get(path)?.documents[0];
}
/** Empty, `.` or `..` segments (or a leading or trailing `/`): only such paths need their segments rewritten. */
const NOT_NORMAL = /(?:^|\/)\.{0,2}(?:\/|$)/;
/** Normalizes `a/./b/../c` to `a/c`; undefined when the path leaves the repository. */
function normalizePath(path) {
    if (path !== '' && !NOT_NORMAL.test(path))
        return path;
    const parts = [];
    for (const part of path.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (parts.length === 0)
                return undefined;
            parts.pop();
        }
        else
            parts.push(part);
    }
    return parts.join('/');
}
function dirname(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}
function joinPath(dir, relative) {
    return normalizePath(dir ? `${dir}/${relative}` : relative);
}

;// CONCATENATED MODULE: ./src/model/helm.ts




const CHART_ALIASES = {
    istiod: 'istiod',
    'istio-discovery': 'istiod',
    'istio-control': 'istiod',
    cni: 'cni',
    'istio-cni': 'cni',
    base: 'base',
    'istio-base': 'base',
    ztunnel: 'ztunnel',
    gateway: 'gateway',
    'istio-ingress': 'gateway',
    'istio-ingressgateway': 'gateway',
    'istio-egressgateway': 'gateway',
    'dynatrace-operator': 'dynatrace-operator',
};
/** Maps a chart reference (`istio/cni`, `oci://…/istiod`, `dynatrace-operator`) to the chart it is. */
function chartOf(reference) {
    if (!reference)
        return undefined;
    const name = reference.replace(/\/+$/, '').split('/').pop() ?? '';
    return CHART_ALIASES[name.toLowerCase()];
}
function isHelmRelease(resource) {
    return resource.kind === 'HelmRelease' && resource.apiVersion.startsWith('helm.toolkit.fluxcd.io/');
}
/**
 * Values of a Flux HelmRelease whose chart is one we read. With a context it follows `chartRef` to the
 * OCIRepository / HelmChart and `valuesFrom` to ConfigMaps of the repository (merged in order, `spec.values` last).
 */
function readHelmRelease(resource, context) {
    const value = resource.document.value;
    const source = chartSourceOf(resource, context?.repo);
    if (!source.chart)
        return undefined;
    const releaseNamespace = asString(read_getIn(value, ['spec', 'targetNamespace'])) ?? resource.namespace;
    const via = `HelmRelease ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
    const release = {
        releaseNamespace,
        chartVersion: source.version,
        releaseName: asString(read_getIn(value, ['spec', 'releaseName'])) ?? resource.name,
        via,
        origin: source.origin,
    };
    if (!context)
        return {
            ...chartValues(source.chart, resource.document, ['spec', 'values'], release),
            releaseName: release.releaseName,
        };
    const layers = [
        ...valuesFromLayers(resource, context),
        documentLayer(resource.document, ['spec', 'values'], `${via} spec.values`),
    ];
    return layeredChartValues(source.chart, layers, {
        ...release,
        fallback: { document: resource.document, valuesPath: ['spec', 'values'] },
    });
}
/** `spec.chart.spec.chart`, or `spec.chartRef` to an OCIRepository (chart = last segment of its URL) or HelmChart. */
function chartSourceOf(resource, repo) {
    const value = resource.document.value;
    const inline = asString(read_getIn(value, ['spec', 'chart', 'spec', 'chart']));
    if (inline) {
        return {
            chart: chartOf(inline),
            version: asString(read_getIn(value, ['spec', 'chart', 'spec', 'version'])),
            origin: originAt(resource, ['spec', 'chart', 'spec', 'chart']),
        };
    }
    const ref = asRecord(read_getIn(value, ['spec', 'chartRef']));
    const refName = asString(ref?.name);
    if (!ref || !refName)
        return { origin: resource.origin };
    const refNamespace = asString(ref.namespace) ?? resource.namespace;
    const target = repo
        ? findResource(repo, asString(ref.kind) ?? 'OCIRepository', refName, refNamespace)
        : undefined;
    if (target?.kind === 'OCIRepository') {
        const url = asString(read_getIn(target.document.value, ['spec', 'url']));
        const version = asString(read_getIn(target.document.value, ['spec', 'ref', 'tag'])) ??
            asString(read_getIn(target.document.value, ['spec', 'ref', 'semver']));
        return { chart: chartOf(url) ?? chartOf(refName), version, origin: originAt(target, ['spec', 'url']) };
    }
    if (target?.kind === 'HelmChart') {
        const chart = asString(read_getIn(target.document.value, ['spec', 'chart']));
        const version = asString(read_getIn(target.document.value, ['spec', 'version']));
        return { chart: chartOf(chart), version, origin: originAt(target, ['spec', 'chart']) };
    }
    // The source is not in the repository: its name usually is the chart's (`name: istiod`).
    return { chart: chartOf(refName), origin: originAt(resource, ['spec', 'chartRef', 'name']) };
}
/** `spec.valuesFrom` entries that are in the repository, as layers; the others are reported as not evaluable. */
function valuesFromLayers(resource, context) {
    const layers = [];
    asArray(read_getIn(resource.document.value, ['spec', 'valuesFrom'])).forEach((raw, index) => {
        const entry = asRecord(raw);
        const kind = asString(entry?.kind) ?? 'ConfigMap';
        const name = asString(entry?.name) ?? '';
        const key = asString(entry?.valuesKey) ?? 'values.yaml';
        const targetPath = asString(entry?.targetPath);
        const line = resource.document.lineAt(['spec', 'valuesFrom', index]) ?? resource.origin.line;
        const skip = (reason) => context.notEvaluable.push({ file: resource.origin.file, line, reason });
        if (kind !== 'ConfigMap')
            return skip(`valuesFrom ${kind} ${name} is not read: values in Secrets are not evaluated`);
        const layer = configMapLayer(context.repo, name, resource.namespace, key, targetPath);
        if (typeof layer === 'string')
            return skip(`valuesFrom ConfigMap ${name}: ${layer}`);
        layers.push(layer);
    });
    return layers;
}
/** The values a ConfigMap (in the repository, or made by a configMapGenerator) holds under `key`. */
function configMapLayer(repo, name, namespace, key, targetPath) {
    const via = `ConfigMap ${name} ${key}`;
    const configMap = findResource(repo, 'ConfigMap', name, namespace);
    if (configMap) {
        const text = asString(read_getIn(configMap.document.value, ['data', key]));
        if (text === undefined)
            return `key ${key} is not in the ConfigMap (${configMap.origin.file})`;
        if (targetPath)
            return targetPathLayer(targetPath, text, via, () => originAt(configMap, ['data', key]));
        const nested = configMap.document.nestedAt(['data', key]);
        const document = nested?.documents[0];
        if (!document)
            return `key ${key} does not hold YAML values (${configMap.origin.file})`;
        return documentLayer(document, [], via);
    }
    const generated = repo.generatedConfigMaps.find((g) => g.name === name);
    const file = generated?.files.get(key);
    if (generated && file) {
        const document = firstDocument(repo, file);
        if (!document)
            return `generated from ${file}, which is not a YAML file of the repository`;
        if (targetPath)
            return `targetPath with a generated ConfigMap is not evaluated`;
        return documentLayer(document, [], `${via} (from ${file})`);
    }
    return 'not in the repository';
}
function targetPathLayer(targetPath, text, via, locate) {
    const values = {};
    const path = parseSetKey(targetPath);
    setAt(values, path, text);
    return { via, values, locate: () => ({ ...locate(), path: path.join('.') }) };
}
function chartValues(chart, document, valuesPath, extra) {
    return {
        chart,
        values: asRecord(read_getIn(document.value, valuesPath)) ?? {},
        document,
        valuesPath,
        origin: extra.origin,
        via: extra.via,
        ...(extra.releaseNamespace ? { releaseNamespace: extra.releaseNamespace } : {}),
        ...(extra.chartVersion ? { chartVersion: extra.chartVersion } : {}),
    };
}
/**
 * Origin of a value inside a chart's values, in the file that holds them: with layers, the highest-precedence
 * layer that sets it.
 */
function helm_valuesOrigin(values, path) {
    for (const layer of [...(values.layers ?? [])].reverse()) {
        const origin = layerOrigin(layer, path);
        if (origin)
            return origin;
    }
    const full = [...values.valuesPath, ...path];
    const range = values.document.rangeAt(full);
    return range
        ? { file: values.document.file, line: range.startLine, endLine: range.endLine, path: full.join('.') }
        : { ...values.origin, path: full.join('.') };
}

// EXTERNAL MODULE: ./node_modules/semver/functions/satisfies.js
var satisfies = __nccwpck_require__(8011);
var satisfies_default = /*#__PURE__*/__nccwpck_require__.n(satisfies);
// EXTERNAL MODULE: ./node_modules/semver/ranges/min-version.js
var min_version = __nccwpck_require__(1866);
var min_version_default = /*#__PURE__*/__nccwpck_require__.n(min_version);
// EXTERNAL MODULE: ./node_modules/semver/ranges/valid.js
var valid = __nccwpck_require__(4737);
var valid_default = /*#__PURE__*/__nccwpck_require__.n(valid);
;// CONCATENATED MODULE: ./src/model/facts-versions.ts
// The three functions one by one: the package's index loads every module of semver when the CLI starts.



const FAR_FUTURE = '99.99.99';
/**
 * Reads a version as written in a repository: `1.28.2`, `v1.10.2`, `1.30-latest`, `1.28.x`, `~1.26.0`, `>=1.26`.
 * Returns undefined for text that is no version (a template, a digest).
 */
function facts_versions_releaseLine(text) {
    if (!text)
        return undefined;
    const trimmed = text.trim().replace(/^v(?=\d)/, '');
    if (/-latest$/.test(trimmed))
        return facts_versions_releaseLine(trimmed.replace(/-latest$/, ''));
    const exact = /^(\d+)\.(\d+)(?:\.\d+)?(?:[-+][\w.-]*)?$/.exec(trimmed);
    if (exact)
        return { major: Number(exact[1]), minor: Number(exact[2]) };
    const range = valid_default()(trimmed);
    if (!range)
        return undefined;
    if (satisfies_default()(FAR_FUTURE, range))
        return 'latest';
    const lowest = min_version_default()(range);
    return lowest ? { major: lowest.major, minor: lowest.minor } : undefined;
}
/** Compares a release line with `major.minor`; `latest` is newer than any line. */
function facts_versions_atLeast(line, major, minor) {
    if (line === 'latest')
        return true;
    return line.major > major || (line.major === major && line.minor >= minor);
}
function formatLine(line) {
    return line === 'latest' ? 'latest' : `${line.major}.${line.minor}`;
}
/** The tag of an image reference (`repo/name:1.2.3@sha256:…` → `1.2.3`). */
function facts_versions_imageTag(image) {
    const withoutDigest = image.split('@')[0];
    const lastSlash = withoutDigest.lastIndexOf('/');
    const colon = withoutDigest.indexOf(':', lastSlash + 1);
    return colon < 0 ? undefined : withoutDigest.slice(colon + 1);
}

;// CONCATENATED MODULE: ./src/model/effective-mesh.ts




const NO_ORIGIN = { file: '', line: 0 };
/** Namespaces the injector never touches (`IgnoredNamespaces` in Istio's injector). */
const NEVER_INJECTED = (/* unused pure expression or super */ null && (['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']));
/**
 * The data-plane mode of a namespace: `istio-injection=enabled` or `istio.io/rev` mean sidecars (the legacy
 * label wins over the revision, any other `istio-injection` value injects nothing), `istio.io/dataplane-mode:
 * ambient` means ambient unless sidecars are also selected; unlabelled namespaces are outside the mesh unless
 * the injector enables namespaces by default.
 */
function namespaceDataPlaneMode(model, namespace) {
    const resource = model.namespaces.get(namespace);
    const labels = resource?.labels ?? {};
    const at = (key) => resource
        ? {
            file: resource.document.fileAt?.(['metadata', 'labels', key]) ?? resource.origin.file,
            line: resource.document.lineAt(['metadata', 'labels', key]) ?? resource.origin.line,
            path: `metadata.labels.${key}`,
        }
        : NO_ORIGIN;
    const ambient = labels['istio.io/dataplane-mode'] === 'ambient';
    const injection = labels['istio-injection'];
    const revision = labels['istio.io/rev'];
    if (injection !== undefined) {
        if (injection === 'enabled')
            return { ...fact('sidecar', at('istio-injection')), ...(ambient ? { mixed: true } : {}) };
        return ambient ? fact('ambient', at('istio.io/dataplane-mode')) : fact('none', at('istio-injection'));
    }
    if (revision !== undefined)
        return { ...fact('sidecar', at('istio.io/rev')), revision, ...(ambient ? { mixed: true } : {}) };
    if (ambient)
        return fact('ambient', at('istio.io/dataplane-mode'));
    if (labels['istio.io/dataplane-mode'] === 'none')
        return fact('none', at('istio.io/dataplane-mode'));
    const byDefault = injectsByDefault(model);
    if (byDefault && !NEVER_INJECTED.includes(namespace))
        return fact('sidecar', byDefault.origin);
    return fact('none', resource?.origin ?? NO_ORIGIN, true);
}
/** `sidecarInjectorWebhook.enableNamespacesByDefault: true` in the istiod values injects every unlabelled namespace. */
function injectsByDefault(model) {
    for (const values of model.chartValues) {
        if (values.chart !== 'istiod')
            continue;
        const path = ['sidecarInjectorWebhook', 'enableNamespacesByDefault'];
        if (asBoolean(getIn(values.values, path)) === true)
            return fact(true, valuesOrigin(values, path));
    }
    return undefined;
}
/**
 * `ENABLE_NATIVE_SIDECARS` of one istiod: explicit env first (which already holds a `compatibilityVersion` ≤ 1.26
 * preset for chart installs), then `compatibilityVersion` ≤ 1.26 for other installs (off), then the version's
 * default: off before 1.27, `auto` from 1.27 (on when every node runs Kubernetes ≥ 1.33, which a repository
 * cannot tell).
 */
function nativeSidecars(pilot) {
    const env = pilot.env.ENABLE_NATIVE_SIDECARS;
    if (env) {
        const value = env.value.trim().toLowerCase();
        const setting = value === 'true' || value === 'false' || value === 'auto' ? value : 'false';
        return { ...fact(setting, env.origin), via: pilot.via, reason: `ENABLE_NATIVE_SIDECARS=${env.value}` };
    }
    const compatibility = releaseLine(pilot.compatibilityVersion?.value);
    if (pilot.compatibilityVersion && compatibility && !atLeast(compatibility, 1, 27)) {
        return {
            ...fact('false', pilot.compatibilityVersion.origin),
            via: pilot.via,
            reason: `compatibilityVersion ${pilot.compatibilityVersion.value} keeps native sidecars off`,
        };
    }
    const version = pilot.version ? releaseLine(pilot.version.value) : undefined;
    if (!pilot.version || !version) {
        return {
            ...fact('unknown', pilot.version?.origin ?? NO_ORIGIN, true),
            via: pilot.via,
            reason: 'Istio version unknown',
        };
    }
    return atLeast(version, 1, 27)
        ? {
            ...fact('auto', pilot.version.origin, true),
            via: pilot.via,
            reason: `Istio ${pilot.version.value} defaults to auto: native sidecars where nodes run Kubernetes ≥ 1.33`,
        }
        : {
            ...fact('false', pilot.version.origin, true),
            via: pilot.via,
            reason: `Istio ${pilot.version.value} defaults to off`,
        };
}
/** The per-pod override `sidecar.istio.io/nativeSidecar` (Istio ≥ 1.24), when a workload sets it. */
function podNativeSidecar(workload) {
    const raw = workload.podAnnotations['sidecar.istio.io/nativeSidecar'];
    const value = asBoolean(raw);
    if (value === undefined)
        return undefined;
    const path = [...workload.podMetadataPath, 'annotations', 'sidecar.istio.io/nativeSidecar'];
    return fact(value, {
        file: workload.document.fileAt?.(path) ?? workload.origin.file,
        line: workload.document.lineAt(path) ?? workload.origin.line,
        path: path.join('.'),
    });
}
const ISTIO_IMAGE = /\/(pilot|proxyv2|install-cni|ztunnel)(:|@|$)/;
/** Every Istio version the repository states: chart versions, `spec.tag`, Sail `spec.version`, Istio image tags. */
function istioVersions(model) {
    const found = [];
    for (const pilot of model.pilotInstalls)
        if (pilot.version)
            found.push({ ...pilot.version, via: pilot.via });
    for (const cni of model.cniInstalls)
        if (cni.version)
            found.push({ ...cni.version, via: cni.via });
    for (const workload of model.workloads) {
        const containers = getIn(workload.document.value, [
            ...workload.podMetadataPath.slice(0, -1),
            'spec',
            'containers',
        ]);
        (Array.isArray(containers) ? containers : []).forEach((container, index) => {
            const image = typeof container?.image === 'string'
                ? container.image
                : '';
            const tag = ISTIO_IMAGE.test(image) ? imageTag(image) : undefined;
            if (!tag)
                return;
            const path = [...workload.podMetadataPath.slice(0, -1), 'spec', 'containers', index, 'image'];
            found.push({
                ...fact(tag, {
                    file: workload.origin.file,
                    line: workload.document.lineAt(path) ?? workload.origin.line,
                    path: path.join('.'),
                }),
                via: `${workload.kind} ${workload.name} image`,
            });
        });
    }
    return found;
}
/** Which Istio this is: OpenShift Service Mesh (Maistra, Sail `openshift*`, Red Hat images), managed ASM / AKS, or upstream. */
function istioDistribution(model) {
    const hint = model.distributionHints[0];
    if (hint)
        return fact('openshift-service-mesh', hint.origin);
    for (const workload of model.workloads) {
        if (JSON.stringify(workload.document.value).includes('registry.redhat.io/openshift-service-mesh/'))
            return fact('openshift-service-mesh', workload.origin);
    }
    for (const resource of model.resources) {
        if (resource.kind === 'ControlPlaneRevision' ||
            (resource.kind === 'ConfigMap' && /^istio-asm-managed/.test(resource.name)))
            return fact('managed-asm', resource.origin);
        if (resource.kind === 'ConfigMap' && /^istio-shared-configmap-/.test(resource.name))
            return fact('managed-aks', resource.origin);
    }
    return fact('upstream', NO_ORIGIN, true);
}
/**
 * Whether the Istio CNI agent runs: an install in the repository that is enabled, else istiod being told CNI is in
 * use (`pilot.cni.enabled`) with the agent installed elsewhere, else off.
 */
function effectiveCni(model) {
    const installs = model.cniInstalls.filter((cni) => cni.enabled.value);
    if (installs.length > 0)
        return installs.map((install) => ({ ...install.enabled, install }));
    const told = model.pilotInstalls.find((pilot) => pilot.cniEnabled?.value);
    if (told?.cniEnabled)
        return [told.cniEnabled];
    return [fact(false, NO_ORIGIN, true)];
}

;// CONCATENATED MODULE: ./src/model/effective.ts


const DEFAULT_ROOT_NAMESPACE = 'istio-system';
const DEFAULT_OPERATOR_NAMESPACE = 'dynatrace';
const effective_NO_ORIGIN = { file: '', line: 0 };
const MODE_STRICTNESS = { REGISTRY_ONLY: 2, ALLOW_ANY_DYNAMIC_DNS: 1, ALLOW_ANY: 0 };
/**
 * The mesh-wide outbound policy. When several install sources in the repository describe the mesh, the most
 * restrictive one is taken: a checker must not assume egress is open when any source closes it.
 */
function effectiveOutboundPolicy(model) {
    const set = model.meshConfigs.map((source) => source.outboundPolicy).filter((p) => !!p);
    if (set.length === 0)
        return provenance_fact('ALLOW_ANY', effective_NO_ORIGIN, true);
    return set.reduce((a, b) => ((MODE_STRICTNESS[b.value] ?? 0) > (MODE_STRICTNESS[a.value] ?? 0) ? b : a));
}
function firstSetting(model, key) {
    return model.meshConfigs.map((source) => source[key]).find((value) => value !== undefined);
}
function effectiveRootNamespace(model) {
    return firstSetting(model, 'rootNamespace') ?? provenance_fact(DEFAULT_ROOT_NAMESPACE, effective_NO_ORIGIN, true);
}
/** Namespaces where the Dynatrace Operator runs: from its Helm install, else where the DynaKubes live. */
function operatorNamespaces(model) {
    const explicit = model.operatorInstalls.map((install) => install.namespace);
    if (explicit.length > 0)
        return uniqueByValue(explicit);
    const fromDynaKubes = model.dynakubes
        .filter((dk) => dk.namespace)
        .map((dk) => provenance_fact(dk.namespace, dk.origin, true));
    return fromDynaKubes.length > 0
        ? uniqueByValue(fromDynaKubes)
        : [provenance_fact(DEFAULT_OPERATOR_NAMESPACE, effective_NO_ORIGIN, true)];
}
function uniqueByValue(facts) {
    const seen = new Set();
    return facts.filter((f) => {
        const key = JSON.stringify(f.value);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** CSI driver enabled unless an operator install in the repo switches it off (chart default: enabled). */
function csiDriverEnabled(model) {
    const installs = model.operatorInstalls.map((install) => install.csiDriverEnabled);
    return installs.find((f) => f.value) ?? installs[0] ?? provenance_fact(true, effective_NO_ORIGIN, true);
}
/** Labels a namespace has; Kubernetes adds `kubernetes.io/metadata.name` to every namespace. */
function namespaceLabels(model, namespace) {
    return { ...(model.namespaces.get(namespace)?.labels ?? {}), 'kubernetes.io/metadata.name': namespace };
}
function selectorMatches(selector, labels) {
    if (!selector)
        return true;
    for (const [key, value] of Object.entries(selector.matchLabels ?? {}))
        if (labels[key] !== value)
            return false;
    for (const requirement of selector.matchExpressions ?? []) {
        const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
        const value = labels[requirement.key];
        const values = requirement.values ?? [];
        const ok = requirement.operator === 'In'
            ? has && values.includes(value)
            : requirement.operator === 'NotIn'
                ? !has || !values.includes(value)
                : requirement.operator === 'Exists'
                    ? has
                    : !has;
        if (!ok)
            return false;
    }
    return true;
}
/** The operator never injects into its own namespace, `kube-*`, `openshift*`, `gke-*` and `gmp-*`. */
function isIgnoredByOperator(namespace, operatorNamespace) {
    return (namespace === operatorNamespace ||
        /^kube-/.test(namespace) ||
        /^openshift(-.*)?$/.test(namespace) ||
        /^gke-/.test(namespace) ||
        /^gmp-/.test(namespace));
}
/**
 * Why a namespace is in the mesh: `istio-injection=enabled`, any `istio.io/rev`, or ambient data-plane mode. The
 * origin is the label's line in the file that wrote it (a kustomize patch's own file when a patch added it).
 */
function namespaceMeshEnrollment(model, namespace) {
    const resource = model.namespaces.get(namespace);
    if (!resource)
        return undefined;
    const labels = resource.labels;
    const enrolled = (label, value) => ({
        label,
        value,
        origin: originAt(resource, ['metadata', 'labels', label]),
    });
    if (labels['istio-injection'] === 'enabled')
        return enrolled('istio-injection', 'enabled');
    if (labels['istio-injection'] === undefined && labels['istio.io/rev'] !== undefined)
        return enrolled('istio.io/rev', labels['istio.io/rev']);
    if (labels['istio.io/dataplane-mode'] === 'ambient')
        return enrolled('istio.io/dataplane-mode', 'ambient');
    return undefined;
}
/** Sidecar resources that restrict egress and apply to `namespace` (namespace default, or the root default). */
function restrictingSidecarsFor(model, namespace) {
    const restricting = model.sidecars.filter((s) => s.outboundPolicy?.value === 'REGISTRY_ONLY');
    const own = model.sidecars.filter((s) => s.namespace === namespace);
    if (own.some((s) => !s.workloadSelector))
        return restricting.filter((s) => s.namespace === namespace);
    const root = effectiveRootNamespace(model).value;
    return restricting.filter((s) => s.namespace === namespace || (s.namespace === root && !s.workloadSelector));
}
/** Whether any Istio install or resource is present in the repository. */
function istioPresent(model) {
    return (model.meshConfigs.length > 0 ||
        model.pilotInstalls.length > 0 ||
        model.cniInstalls.length > 0 ||
        model.sidecars.length > 0 ||
        model.peerAuthentications.length > 0);
}


;// CONCATENATED MODULE: ./src/model/types.ts
const ONEAGENT_MODES = [
    'classicFullStack',
    'cloudNativeFullStack',
    'applicationMonitoring',
    'hostMonitoring',
];
const HELM_CHARTS = ['base', 'istiod', 'cni', 'ztunnel', 'gateway', 'dynatrace-operator'];
function emptyModel() {
    return {
        dynakubes: [],
        namespaces: new Map(),
        peerAuthentications: [],
        serviceEntries: [],
        virtualServices: [],
        sidecars: [],
        workloads: [],
        chartValues: [],
        meshConfigs: [],
        cniInstalls: [],
        pilotInstalls: [],
        operatorInstalls: [],
        distributionHints: [],
        resources: [],
        notEvaluable: [],
        files: new Map(),
    };
}
function resourceId(resource) {
    return resource.namespace
        ? `${resource.kind} ${resource.namespace}/${resource.name}`
        : `${resource.kind} ${resource.name}`;
}

;// CONCATENATED MODULE: ./src/model/dynakube.ts




const CODE_MODULE_MODES = ['cloudNativeFullStack', 'applicationMonitoring'];
function isDynaKube(resource) {
    return resource.kind === 'DynaKube' && resource.apiVersion.startsWith('dynatrace.com/');
}
/** Normalizes a DynaKube of any served apiVersion into one shape. */
function readDynaKube(resource) {
    const value = resource.document.value;
    const version = resource.apiVersion.split('/')[1] ?? '';
    const at = (path) => originAt(resource, path);
    const stringFact = (path) => {
        const text = asString(read_getIn(value, path));
        return text === undefined ? undefined : provenance_fact(text, at(path));
    };
    const enableIstioRaw = read_getIn(value, ['spec', 'enableIstio']);
    const enableIstio = enableIstioRaw === undefined
        ? provenance_fact(false, at(['spec']), true)
        : provenance_fact(read_asBoolean(enableIstioRaw) ?? false, at(['spec', 'enableIstio']));
    const modes = ONEAGENT_MODES.filter((mode) => read_getIn(value, ['spec', 'oneAgent', mode]) !== undefined).map((mode) => provenance_fact(mode, at(['spec', 'oneAgent', mode])));
    // v1alpha1 had only `spec.classicFullStack.enabled`.
    if (read_asBoolean(read_getIn(value, ['spec', 'classicFullStack', 'enabled'])) === true) {
        modes.push(provenance_fact('classicFullStack', at(['spec', 'classicFullStack'])));
    }
    const injecting = modes.find((mode) => CODE_MODULE_MODES.includes(mode.value))?.value;
    const modeField = (mode, field) => mode ? stringFact(['spec', 'oneAgent', mode, field]) : undefined;
    return {
        ...resource,
        version,
        apiUrl: stringFact(['spec', 'apiUrl']),
        enableIstio,
        networkZone: stringFact(['spec', 'networkZone']),
        modes,
        namespaceSelector: readSelector(resource, version, injecting),
        codeModulesImage: modeField(injecting, 'codeModulesImage'),
        oneAgentImage: modeField(modes.find((m) => m.value !== 'applicationMonitoring')?.value, 'image'),
        activeGate: readActiveGate(resource),
        publicRegistryOverride: stringFact(['spec', 'publicRegistryOverride']),
        specPath: ['spec'],
    };
}
/** v1beta1 keeps the selector at `spec.namespaceSelector`; later versions under the injecting mode. */
function readSelector(resource, version, mode) {
    const value = resource.document.value;
    const candidates = [];
    if (mode)
        candidates.push(['spec', 'oneAgent', mode, 'namespaceSelector']);
    if (version === 'v1beta1' || !mode)
        candidates.push(['spec', 'namespaceSelector']);
    for (const path of candidates) {
        const selector = toSelector(read_getIn(value, path));
        if (selector)
            return provenance_fact(selector, originAt(resource, path));
    }
    return undefined;
}
function toSelector(raw) {
    const record = asRecord(raw);
    if (!record)
        return undefined;
    const selector = {};
    if (record.matchLabels !== undefined)
        selector.matchLabels = stringMap(record.matchLabels);
    if (record.matchExpressions !== undefined) {
        selector.matchExpressions = asArray(record.matchExpressions).flatMap((item) => {
            const expression = asRecord(item);
            const key = asString(expression?.key);
            const operator = asString(expression?.operator);
            if (!key || !operator || !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator))
                return [];
            const values = asArray(expression?.values)
                .map(asString)
                .filter((v) => v !== undefined);
            return [{ key, operator: operator, values }];
        });
    }
    return selector;
}
function readActiveGate(resource) {
    const value = resource.document.value;
    const activeGate = asRecord(read_getIn(value, ['spec', 'activeGate']));
    if (!activeGate)
        return undefined;
    const capabilities = asArray(activeGate.capabilities)
        .map(asString)
        .filter((c) => c !== undefined);
    const image = asString(activeGate.image);
    return {
        capabilities: provenance_fact(capabilities, originAt(resource, ['spec', 'activeGate', 'capabilities'])),
        labels: stringMap(activeGate.labels),
        annotations: stringMap(activeGate.annotations),
        ...(image ? { image: provenance_fact(image, originAt(resource, ['spec', 'activeGate', 'image'])) } : {}),
        origin: originAt(resource, ['spec', 'activeGate']),
    };
}
/** True when the DynaKube injects code modules into application pods. */
function injectsCodeModules(dynakube) {
    return dynakube.modes.some((mode) => CODE_MODULE_MODES.includes(mode.value));
}

;// CONCATENATED MODULE: ./src/model/facts-dataplane.ts

/** Istio's injector never injects here (`IgnoredNamespaces` in `pkg/kube/inject`). */
const INJECTOR_IGNORED = ['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage'];
/**
 * Whether a pod gets a sidecar, following the injection webhooks' label selectors: a namespace with
 * `istio-injection=enabled` or `istio.io/rev` injects unless the pod opts out (label, or the deprecated
 * annotation, `sidecar.istio.io/inject: "false"`); any other `istio-injection` value injects nothing; an
 * unlabelled namespace injects only pods labelled `sidecar.istio.io/inject: "true"` or `istio.io/rev`.
 * Host-network pods are never injected.
 */
function sidecarReason(model, pod) {
    if (pod.hostNetwork || INJECTOR_IGNORED.includes(pod.namespace))
        return undefined;
    const nsLabels = model.namespaces.get(pod.namespace)?.labels ?? {};
    const podInject = pod.labels['sidecar.istio.io/inject'] ?? pod.annotations['sidecar.istio.io/inject'];
    const optedOut = podInject?.toLowerCase() === 'false';
    const injection = nsLabels['istio-injection'];
    if (injection !== undefined) {
        return injection === 'enabled' && !optedOut
            ? `namespace ${pod.namespace} has istio-injection=enabled`
            : undefined;
    }
    if (nsLabels['istio.io/rev'] !== undefined)
        return optedOut ? undefined : `namespace ${pod.namespace} has istio.io/rev=${nsLabels['istio.io/rev']}`;
    if (pod.labels['sidecar.istio.io/inject']?.toLowerCase() === 'true')
        return 'the pod is labelled sidecar.istio.io/inject: "true"';
    if (pod.labels['istio.io/rev'] !== undefined && !optedOut)
        return `the pod is labelled istio.io/rev=${pod.labels['istio.io/rev']}`;
    return undefined;
}
/** A sidecar wins over ambient; a pod's `istio.io/dataplane-mode` (ambient / none) wins over its namespace's. */
function podMeshMembership(model, pod) {
    const sidecar = sidecarReason(model, pod);
    if (sidecar)
        return { mode: 'sidecar', reason: sidecar };
    if (pod.hostNetwork)
        return undefined;
    const podMode = pod.labels['istio.io/dataplane-mode'];
    if (podMode === 'ambient')
        return { mode: 'ambient', reason: 'the pod is labelled istio.io/dataplane-mode=ambient' };
    if (podMode === 'none')
        return undefined;
    if (model.namespaces.get(pod.namespace)?.labels['istio.io/dataplane-mode'] === 'ambient')
        return { mode: 'ambient', reason: `namespace ${pod.namespace} has istio.io/dataplane-mode=ambient` };
    return undefined;
}
/** The namespace a DynaKube's operands (ActiveGate, CSI driver) run in. */
function dynakubeNamespace(model, dynakube) {
    return dynakube.namespace ?? operatorNamespaces(model)[0].value;
}
/** The labels the operator puts on ActiveGate pods (`k8slabel.NewAppLabels`), plus `spec.activeGate.labels`. */
function activeGatePodLabels(dynakube) {
    return {
        'app.kubernetes.io/name': 'activegate',
        'app.kubernetes.io/managed-by': 'dynatrace-operator',
        'app.kubernetes.io/component': 'activegate',
        'app.kubernetes.io/created-by': dynakube.name,
        ...(dynakube.activeGate?.labels ?? {}),
    };
}
/** The ActiveGate pods of a DynaKube as a pod shape; undefined when it has no ActiveGate. */
function activeGatePod(model, dynakube) {
    if (!dynakube.activeGate)
        return undefined;
    return {
        namespace: dynakubeNamespace(model, dynakube),
        labels: activeGatePodLabels(dynakube),
        annotations: dynakube.activeGate.annotations,
        hostNetwork: false,
    };
}

;// CONCATENATED MODULE: ./src/model/facts-mtls.ts



const MODES = ['STRICT', 'PERMISSIVE', 'DISABLE'];
const facts_mtls_NO_ORIGIN = { file: '', line: 0 };
function hasSelector(policy) {
    return !!policy.selector && Object.keys(policy.selector).length > 0;
}
function selects(policy, labels) {
    return Object.entries(policy.selector ?? {}).every(([key, value]) => labels[key] === value);
}
/**
 * The policies by namespace, made once per model: the rules ask for every scraped workload, and a big repository
 * has hundreds of both. Checked against the array's length, so a model still being filled is indexed again.
 */
const indexes = new WeakMap();
function policiesByNamespace(policies) {
    const known = indexes.get(policies);
    if (known?.count === policies.length)
        return known.byNamespace;
    const byNamespace = new Map();
    for (const policy of policies) {
        // A policy without a namespace applies nowhere (kustomize or the API server would give it one).
        if (policy.namespace === undefined)
            continue;
        let entry = byNamespace.get(policy.namespace);
        if (!entry)
            byNamespace.set(policy.namespace, (entry = { withSelector: [] }));
        if (hasSelector(policy))
            entry.withSelector.push(policy);
        else
            entry.namespaceWide ??= policy;
    }
    indexes.set(policies, { count: policies.length, byNamespace });
    return byNamespace;
}
/** The mode a policy sets; UNSET (or absent) inherits from the parent scope. */
function setMode(policy) {
    const mode = policy.mtlsMode?.value;
    return mode && MODES.includes(mode) ? mode : undefined;
}
/**
 * Istio's PeerAuthentication resolution for one workload port: the narrowest scope wins (port > workload >
 * namespace > mesh), UNSET inherits, and no policy at all means PERMISSIVE. Policies with a selector in the
 * root namespace are ignored by Istio. Inside one scope Istio takes the oldest policy; a repository has no
 * creation times, so the first one read is taken.
 */
function effectiveMtls(model, namespace, podLabels, port) {
    const root = effectiveRootNamespace(model).value;
    const policies = policiesByNamespace(model.peerAuthentications);
    const mesh = policies.get(root)?.namespaceWide;
    const inNamespace = namespace === root ? undefined : policies.get(namespace);
    const workload = inNamespace?.withSelector.find((p) => selects(p, podLabels));
    const namespaceWide = inNamespace?.namespaceWide;
    let result = { ...provenance_fact('PERMISSIVE', facts_mtls_NO_ORIGIN, true), scope: 'default' };
    const scopes = [
        ['mesh', mesh],
        ['namespace', namespaceWide],
        ['workload', workload],
    ];
    for (const [scope, policy] of scopes) {
        const mode = policy && setMode(policy);
        if (policy && mode)
            result = {
                value: mode,
                origin: policy.mtlsMode.origin,
                scope,
                policy: resourceId(policy),
            };
    }
    const portMode = workload && port !== undefined ? workload.portLevelMtls[String(port)] : undefined;
    if (workload && portMode && MODES.includes(portMode.toUpperCase())) {
        const line = workload.document.lineAt(['spec', 'portLevelMtls', String(port)]) ?? workload.origin.line;
        result = {
            value: portMode.toUpperCase(),
            origin: { file: workload.origin.file, line, path: `spec.portLevelMtls.${port}` },
            scope: 'port',
            policy: resourceId(workload),
        };
    }
    return result;
}

;// CONCATENATED MODULE: ./src/rules/hosts.ts
/** Host of a DynaKube apiUrl; undefined for placeholders (`ENVIRONMENTID`, `${…}`) and unparsable values. */
function apiUrlHost(apiUrl) {
    if (!apiUrl || /\$\{|<path:|ENVIRONMENTID|_PLACEHOLDER/.test(apiUrl))
        return undefined;
    try {
        return new URL(apiUrl).hostname.toLowerCase() || undefined;
    }
    catch {
        return undefined;
    }
}
/** Istio host matching: exact, or a `*.suffix` wildcard. */
function hostMatches(pattern, host) {
    const p = pattern.toLowerCase();
    if (p === host)
        return true;
    return p.startsWith('*.') && host.endsWith(p.slice(1));
}
/** Whether a ServiceEntry in the repository declares `host` and is visible from `namespace`. */
function hostCovered(model, host, namespace) {
    return model.serviceEntries.some((entry) => {
        const visible = !entry.exportTo ||
            entry.exportTo.length === 0 ||
            entry.exportTo.includes('*') ||
            (entry.exportTo.includes('.') && entry.namespace === namespace) ||
            (namespace !== undefined && entry.exportTo.includes(namespace));
        return visible && entry.hosts.value.some((pattern) => hostMatches(pattern, host));
    });
}

;// CONCATENATED MODULE: ./src/diff/egress.ts





/** Namespaces drawn one by one; the rest are counted. */
const MAX_NAMESPACES = 8;
class MapBuilder {
    nodes = new Map();
    edges = new Map();
    ids = new Map();
    omittedNamespaces = 0;
    node(key, node) {
        let id = this.ids.get(key);
        if (!id) {
            id = `n${this.ids.size}`;
            this.ids.set(key, id);
            this.nodes.set(id, { id, ...node });
        }
        return id;
    }
    edge(edge) {
        const key = `${edge.from}>${edge.to}`;
        const existing = this.edges.get(key);
        // A path is blocked if any DynaKube's view of it is blocked.
        if (!existing || (!existing.blocked && edge.blocked))
            this.edges.set(key, edge);
    }
}
function pod(namespace, labels = {}) {
    return { namespace, labels, annotations: {}, hostNetwork: false };
}
/** The data-plane mode of a pod, or undefined when it is outside the mesh. */
function meshMode(model, shape) {
    return podMeshMembership(model, shape)?.mode;
}
/**
 * Why traffic from `namespace` to `host` is blocked: the mesh lets it out only when registered. `operatorCovers`
 * says whether the operator's own ServiceEntries (enableIstio) cover the host: never for registries.
 */
function egressBlock(model, from, host, operatorCovers) {
    // The outbound policy is enforced by sidecars; ztunnel (ambient) passes such traffic through.
    if (meshMode(model, from) !== 'sidecar')
        return undefined;
    const meshWide = effectiveOutboundPolicy(model).value === 'REGISTRY_ONLY';
    const sidecar = restrictingSidecarsFor(model, from.namespace)[0];
    if (!meshWide && !sidecar)
        return undefined;
    if (operatorCovers?.enableIstio)
        return undefined;
    if (host && hostCovered(model, host, from.namespace))
        return undefined;
    const where = meshWide ? 'mesh-wide' : `Sidecar ${sidecar.namespace ?? from.namespace}/${sidecar.name}`;
    return `REGISTRY_ONLY (${where}): no ServiceEntry${operatorCovers ? ', enableIstio off' : ''}`;
}
function registryHost(image) {
    if (!image)
        return undefined;
    const first = image.split('/')[0];
    return image.includes('/') && /[.:]/.test(first) ? first.toLowerCase() : 'docker.io';
}
function monitoredNamespaces(model, dynakube, operatorNamespace) {
    return [...model.namespaces.keys()]
        .filter((namespace) => !isIgnoredByOperator(namespace, operatorNamespace))
        .filter((namespace) => selectorMatches(dynakube.namespaceSelector?.value, namespaceLabels(model, namespace)))
        .sort();
}
/** Adds the components of one DynaKube and their paths. */
function addDynaKube(builder, model, dynakube) {
    const operatorNamespace = operatorNamespaces(model)[0]?.value ?? dynakube.namespace ?? 'dynatrace';
    const host = apiUrlHost(dynakube.apiUrl?.value);
    const toDynatrace = { enableIstio: dynakube.enableIstio.value };
    const environment = builder.node(`env:${host ?? '?'}`, {
        label: `Dynatrace environment\n${host ?? dynakube.apiUrl?.value ?? 'apiUrl not set'}`,
        place: 'external',
    });
    const operatorPod = pod(operatorNamespace, { 'app.kubernetes.io/name': 'dynatrace-operator' });
    const operator = builder.node(`operator:${operatorNamespace}`, {
        label: `Dynatrace Operator\nns ${operatorNamespace}`,
        place: 'cluster',
        inMesh: meshMode(model, operatorPod) !== undefined,
    });
    builder.edge({
        from: operator,
        to: environment,
        label: 'API 443',
        blocked: egressBlock(model, operatorPod, host, toDynatrace),
    });
    const agPod = activeGatePod(model, dynakube);
    let activeGate;
    if (agPod) {
        activeGate = builder.node(`ag:${agPod.namespace}/${dynakube.name}`, {
            label: `ActiveGate ${dynakube.name}\nns ${agPod.namespace}`,
            place: 'cluster',
            inMesh: meshMode(model, agPod) !== undefined,
        });
        builder.edge({
            from: activeGate,
            to: environment,
            label: '443',
            blocked: egressBlock(model, agPod, host, toDynatrace),
        });
    }
    const routed = !!agPod && !!dynakube.activeGate?.capabilities.value.includes('routing');
    const agentTarget = routed ? activeGate : environment;
    /** In-cluster services are in the registry: towards a routing ActiveGate only strict mTLS can block. */
    const agentBlock = (from) => {
        if (!routed)
            return from ? egressBlock(model, from, host, toDynatrace) : undefined;
        const fromMesh = from !== undefined && meshMode(model, from) !== undefined;
        const strict = meshMode(model, agPod) !== undefined &&
            effectiveMtls(model, agPod.namespace, activeGatePodLabels(dynakube)).value === 'STRICT';
        return !fromMesh && strict ? 'STRICT mTLS at the ActiveGate, client outside the mesh' : undefined;
    };
    const hostAgents = dynakube.modes.some((mode) => HOST_AGENT_MODES.includes(mode.value));
    if (hostAgents) {
        const oneAgent = builder.node(`oneagent:${dynakube.namespace ?? ''}/${dynakube.name}`, {
            label: `OneAgent ${dynakube.name}\nhost network`,
            place: 'cluster',
            inMesh: false,
        });
        builder.edge({ from: oneAgent, to: agentTarget, label: 'agent traffic', blocked: agentBlock(undefined) });
    }
    if (!injectsCodeModules(dynakube))
        return;
    addMonitoredNamespaces(builder, model, dynakube, operatorNamespace, agentTarget, agentBlock, host);
    if (!csiDriverEnabled(model).value)
        return;
    const csiLabels = Object.assign({}, ...model.operatorInstalls.map((i) => i.csiDriverLabels));
    const csiPod = pod(operatorNamespace, csiLabels);
    const csi = builder.node(`csi:${operatorNamespace}`, {
        label: `CSI driver\nns ${operatorNamespace}`,
        place: 'cluster',
        inMesh: meshMode(model, csiPod) !== undefined,
    });
    const registry = registryHost(dynakube.codeModulesImage?.value);
    if (registry) {
        const target = builder.node(`registry:${registry}`, {
            label: `registry\n${registry}`,
            place: 'external',
        });
        // The operator's ServiceEntries never cover registries.
        const blocked = egressBlock(model, csiPod, registry, undefined);
        builder.edge({ from: csi, to: target, label: 'code modules image', blocked });
    }
    else {
        const blocked = egressBlock(model, csiPod, host, toDynatrace);
        builder.edge({ from: csi, to: environment, label: 'code modules download', blocked });
    }
}
const HOST_AGENT_MODES = ['classicFullStack', 'cloudNativeFullStack', 'hostMonitoring'];
/** The namespaces whose pods get code modules, each in or out of the mesh, and their agent traffic. */
function addMonitoredNamespaces(builder, model, dynakube, operatorNamespace, agentTarget, agentBlock, host) {
    const namespaces = monitoredNamespaces(model, dynakube, operatorNamespace);
    for (const namespace of namespaces.slice(0, MAX_NAMESPACES)) {
        const shape = pod(namespace);
        const id = builder.node(`ns:${namespace}`, {
            label: `code modules\nns ${namespace}`,
            place: 'cluster',
            inMesh: meshMode(model, shape) !== undefined,
        });
        builder.edge({ from: id, to: agentTarget, label: 'agent traffic', blocked: agentBlock(shape) });
    }
    builder.omittedNamespaces += Math.max(0, namespaces.length - MAX_NAMESPACES);
    if (namespaces.length > 0)
        return;
    // The namespaces are not in the repository: whether they are in the mesh is unknown.
    const id = builder.node(`ns:*:${dynakube.name}`, {
        label: `code modules\nnamespaces selected by ${dynakube.name}`,
        place: 'cluster',
    });
    const restricted = effectiveOutboundPolicy(model).value === 'REGISTRY_ONLY';
    const covered = dynakube.enableIstio.value || (!!host && hostCovered(model, host, undefined));
    const routed = builder.nodes.get(agentTarget)?.place === 'cluster';
    const blocked = !routed && restricted && !covered
        ? 'REGISTRY_ONLY (mesh-wide) for namespaces in the mesh: no ServiceEntry, enableIstio off'
        : undefined;
    builder.edge({ from: id, to: agentTarget, label: 'agent traffic', blocked });
}
/** The egress map of head; with base, paths blocked on head but open on base are marked as blocked by the change. */
function egressMap(head, base) {
    const map = buildMap(head);
    if (!map)
        return undefined;
    if (base) {
        const before = buildMap(base);
        const openBefore = new Set((before?.edges ?? [])
            .filter((edge) => !edge.blocked)
            .map((edge) => `${labelOf(before, edge.from)}>${labelOf(before, edge.to)}`));
        for (const edge of map.edges) {
            const key = `${labelOf(map, edge.from)}>${labelOf(map, edge.to)}`;
            if (edge.blocked && openBefore.has(key))
                edge.newlyBlocked = true;
        }
    }
    return map;
}
function labelOf(map, id) {
    return map.nodes.find((node) => node.id === id)?.label ?? id;
}
function buildMap(model) {
    if (model.dynakubes.length === 0)
        return undefined;
    const builder = new MapBuilder();
    for (const dynakube of model.dynakubes)
        addDynaKube(builder, model, dynakube);
    return {
        nodes: [...builder.nodes.values()],
        edges: [...builder.edges.values()],
        omittedNamespaces: builder.omittedNamespaces,
    };
}

;// CONCATENATED MODULE: ./src/diff/facts.ts
const SECTION = {
    dynakube: 0,
    operator: 1,
    mesh: 2,
    controlPlane: 3,
    cni: 4,
    namespace: 5,
    policy: 6,
    egress: 7,
    workload: 8,
};
/** Collects facts in the order they are added; a later fact with the same resource and path replaces it. */
class FactSet {
    facts = new Map();
    add(fact) {
        this.facts.set(factKey(fact), fact);
    }
    /** Adds one fact per entry of a string map (labels, annotations), so a change names the key that changed. */
    addMap(base, path, map, locate = () => undefined) {
        for (const key of Object.keys(map).sort()) {
            const origin = locate(key) ?? base.origin;
            this.add({ ...base, path: `${path}.${key}`, value: map[key], ...(origin ? { origin } : {}) });
        }
    }
}
function factKey(fact) {
    return `${fact.resource}\u0000${fact.path}`;
}
/** Origin of a fact only when it is written in the repository (defaults carry an empty file). */
function writtenOrigin(origin) {
    return origin && origin.file ? origin : undefined;
}
/** JSON with sorted keys: two values mean the same when their canonical forms are equal. */
function canonical(value) {
    return JSON.stringify(sortKeys(value)) ?? 'null';
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value !== null && typeof value === 'object') {
        const record = value;
        return Object.fromEntries(Object.keys(record)
            .sort()
            .filter((key) => record[key] !== undefined)
            .map((key) => [key, sortKeys(record[key])]));
    }
    return value;
}

;// CONCATENATED MODULE: ./src/diff/dynakube.ts


/** A label selector in kubectl's syntax, with its terms sorted: order and formatting carry no meaning. */
function selectorText(selector) {
    const terms = [
        ...Object.entries(selector.matchLabels ?? {}).map(([key, value]) => `${key}=${value}`),
        ...(selector.matchExpressions ?? []).map((requirement) => {
            const values = [...(requirement.values ?? [])].sort().join(', ');
            if (requirement.operator === 'Exists')
                return requirement.key;
            if (requirement.operator === 'DoesNotExist')
                return `!${requirement.key}`;
            return `${requirement.key} ${requirement.operator === 'In' ? 'in' : 'notin'} (${values})`;
        }),
    ].sort();
    return terms.length > 0 ? terms.join(', ') : 'everything';
}
/** The settings of a DynaKube that decide how it works with Istio, one fact each. */
function addDynaKubeFacts(facts, dynakube) {
    const resource = resourceId(dynakube);
    const base = { resource, section: SECTION.dynakube, resourceOrigin: dynakube.origin };
    facts.add({ ...base, path: '', value: true, origin: dynakube.origin });
    facts.add({ ...base, path: 'apiVersion', value: dynakube.apiVersion, origin: dynakube.origin });
    const modes = dynakube.modes.map((mode) => mode.value).sort();
    facts.add({
        ...base,
        path: 'oneAgent mode',
        value: modes.length > 0 ? modes.join(' + ') : null,
        origin: dynakube.modes[0]?.origin,
    });
    facts.add({
        ...base,
        path: 'apiUrl',
        value: dynakube.apiUrl?.value ?? null,
        origin: dynakube.apiUrl?.origin,
    });
    facts.add({
        ...base,
        path: 'enableIstio',
        value: dynakube.enableIstio.value,
        origin: dynakube.enableIstio.defaulted ? undefined : dynakube.enableIstio.origin,
    });
    facts.add({
        ...base,
        path: 'networkZone',
        value: dynakube.networkZone?.value ?? null,
        origin: dynakube.networkZone?.origin,
    });
    facts.add({
        ...base,
        path: 'namespaceSelector',
        value: dynakube.namespaceSelector ? selectorText(dynakube.namespaceSelector.value) : null,
        origin: writtenOrigin(dynakube.namespaceSelector?.origin),
    });
    facts.add({
        ...base,
        path: 'codeModulesImage',
        value: dynakube.codeModulesImage?.value ?? null,
        origin: dynakube.codeModulesImage?.origin,
    });
    facts.add({
        ...base,
        path: 'oneAgent image',
        value: dynakube.oneAgentImage?.value ?? null,
        origin: dynakube.oneAgentImage?.origin,
    });
    addActiveGateFacts(facts, dynakube, base);
    const featureFlags = Object.fromEntries(Object.entries(dynakube.annotations).filter(([key]) => key.startsWith('feature.dynatrace.com/')));
    facts.addMap({ ...base, origin: dynakube.origin }, 'annotations', featureFlags, (key) => lineOrigin(dynakube, ['metadata', 'annotations', key]));
}
function addActiveGateFacts(facts, dynakube, base) {
    const activeGate = dynakube.activeGate;
    const capabilities = activeGate ? [...activeGate.capabilities.value].sort() : null;
    facts.add({
        ...base,
        path: 'activeGate.capabilities',
        value: capabilities,
        origin: activeGate?.capabilities.origin ?? activeGate?.origin,
    });
    facts.add({
        ...base,
        path: 'activeGate.image',
        value: activeGate?.image?.value ?? null,
        origin: activeGate?.image?.origin,
    });
    if (!activeGate)
        return;
    facts.addMap({ ...base, origin: activeGate.origin }, 'activeGate.labels', activeGate.labels, (key) => lineOrigin(dynakube, ['spec', 'activeGate', 'labels', key]));
}
function lineOrigin(dynakube, path) {
    const line = dynakube.document.lineAt(path);
    return line === undefined ? undefined : { file: dynakube.document.file, line, path: path.join('.') };
}

;// CONCATENATED MODULE: ./src/model/facts-native-sidecars.ts

const NATIVE_SIDECARS_ENV = 'ENABLE_NATIVE_SIDECARS';
/** Per-pod override, "Takes precedence over the ENABLE_NATIVE_SIDECARS environment variable" (Istio 1.24+). */
const NATIVE_SIDECAR_ANNOTATION = 'sidecar.istio.io/nativeSidecar';
/**
 * Whether an istiod install injects native sidecars (reference/istio.md §4): `ENABLE_NATIVE_SIDECARS` `true` /
 * `false` / `auto` (1.27+; any other value disables), else the default of the version: off before 1.27, `auto`
 * from 1.27. `compatibilityVersion` ≤ 1.26 switches it off. An unpinned version is the newest release.
 */
function nativeSidecarState(pilot) {
    const line = facts_versions_releaseLine(pilot.version?.value) ?? 'latest';
    const version = pilot.version ? `Istio ${pilot.version.value}` : 'an unpinned (newest) Istio';
    const setting = pilot.env[NATIVE_SIDECARS_ENV];
    const anchor = pilot.version?.origin ?? setting?.origin ?? pilot.compatibilityVersion?.origin;
    if (setting) {
        const value = setting.value.trim().toLowerCase();
        const base = { origin: setting.origin, setting };
        if (value === 'true')
            return { ...base, state: 'on', reason: `${NATIVE_SIDECARS_ENV} is "true"` };
        if (value === 'auto' && facts_versions_atLeast(line, 1, 27))
            return { ...base, state: 'auto', reason: `${NATIVE_SIDECARS_ENV} is "auto" on ${version}` };
        return { ...base, state: 'off', reason: `${NATIVE_SIDECARS_ENV} is "${setting.value}"` };
    }
    const compatibility = facts_versions_releaseLine(pilot.compatibilityVersion?.value);
    if (pilot.compatibilityVersion && compatibility && !facts_versions_atLeast(compatibility, 1, 27))
        return {
            state: 'off',
            reason: `compatibilityVersion ${pilot.compatibilityVersion.value} switches native sidecars off`,
            origin: pilot.compatibilityVersion.origin,
        };
    const origin = anchor ?? envTargetOrigin(pilot);
    if (!facts_versions_atLeast(line, 1, 27))
        return {
            state: 'off',
            reason: `${version} (${formatLine(line)}) injects classic sidecars by default`,
            origin,
        };
    return {
        state: 'auto',
        reason: `${version} defaults ${NATIVE_SIDECARS_ENV} to "auto": native sidecars on every node with Kubernetes 1.33 or newer`,
        origin,
    };
}
/** The line where pilot env settings go (or the nearest parent that exists), for installs that pin nothing. */
function envTargetOrigin(pilot) {
    const target = pilot.envTarget;
    if (!target)
        return { file: '', line: 0 };
    for (let depth = target.path.length; depth >= 0; depth -= 1) {
        const line = target.document.lineAt(target.path.slice(0, depth));
        if (line !== undefined)
            return { file: target.document.file, line, path: target.path.join('.') };
    }
    return { file: target.document.file, line: target.document.line };
}

;// CONCATENATED MODULE: ./src/diff/mesh.ts





const MESH = 'Istio mesh';
const CONTROL_PLANE = 'Istio control plane';
const CNI = 'Istio CNI';
const OPERATOR = 'Dynatrace Operator';
const NATIVE_SIDECARS = 'ENABLE_NATIVE_SIDECARS';
function factValue(value) {
    if (!value)
        return { value: null };
    const origin = value.defaulted ? undefined : writtenOrigin(value.origin);
    return { value: value.value, ...(origin ? { origin } : {}) };
}
/** Mesh-wide settings: egress policy, root namespace, export default, discovery selectors, mesh-wide mTLS. */
function addMeshFacts(facts, model) {
    const base = { resource: MESH, section: SECTION.mesh };
    facts.add({ ...base, path: 'outboundTrafficPolicy.mode', ...factValue(effectiveOutboundPolicy(model)) });
    facts.add({ ...base, path: 'rootNamespace', ...factValue(effectiveRootNamespace(model)) });
    const exportTo = model.meshConfigs.find((source) => source.defaultServiceExportTo)?.defaultServiceExportTo;
    facts.add({
        ...base,
        path: 'defaultServiceExportTo',
        value: exportTo ? [...exportTo.value].sort() : ['*'],
        ...(exportTo ? { origin: exportTo.origin } : {}),
    });
    const selectors = model.meshConfigs.find((source) => source.discoverySelectors)?.discoverySelectors;
    facts.add({
        ...base,
        path: 'discoverySelectors',
        value: selectors ? selectors.value.map(selectorText).sort() : null,
        ...(selectors ? { origin: selectors.origin } : {}),
    });
    const meshWide = meshWidePeerAuthentication(model);
    facts.add({
        ...base,
        path: 'mTLS mode',
        value: modeOf(meshWide) ?? 'PERMISSIVE',
        ...(meshWide ? { origin: meshWide.mtlsMode?.origin ?? meshWide.origin } : {}),
    });
}
/** The mesh-wide PeerAuthentication: no selector, in the root namespace. */
function meshWidePeerAuthentication(model) {
    const root = effectiveRootNamespace(model).value;
    return model.peerAuthentications.find((pa) => pa.namespace === root && !pa.selector);
}
/** A PeerAuthentication's own mode; `UNSET` (or none) inherits from its parent scope. */
function modeOf(pa) {
    const mode = pa?.mtlsMode?.value;
    return mode && mode !== 'UNSET' ? mode : undefined;
}
/** The mTLS mode that applies to a namespace: its own namespace-wide policy, else the mesh-wide one. */
function effectiveNamespaceMtls(model, namespace) {
    const own = model.peerAuthentications.find((pa) => pa.namespace === namespace && !pa.selector);
    return modeOf(own) ?? modeOf(meshWidePeerAuthentication(model)) ?? 'PERMISSIVE';
}
/** Istiod: version, profile, compatibility version and the native sidecar switch. */
function addControlPlaneFacts(facts, model) {
    const base = { resource: CONTROL_PLANE, section: SECTION.controlPlane };
    const first = (key) => model.pilotInstalls.map((install) => install[key]).find((value) => value !== undefined);
    facts.add({ ...base, path: 'version', ...factValue(first('version')) });
    facts.add({ ...base, path: 'profile', ...factValue(first('profile')) });
    facts.add({ ...base, path: 'compatibilityVersion', ...factValue(first('compatibilityVersion')) });
    const nativeSidecars = model.pilotInstalls
        .map((install) => install.env[NATIVE_SIDECARS])
        .find((value) => value !== undefined);
    facts.add({ ...base, path: `env.${NATIVE_SIDECARS}`, ...factValue(nativeSidecars) });
    // What the setting means on this version: `on`, `auto` (the 1.27+ default) or `off`.
    const pilot = model.pilotInstalls[0];
    if (pilot) {
        const state = nativeSidecarState(pilot);
        facts.add({ ...base, path: 'native sidecars', value: state.state, origin: writtenOrigin(state.origin) });
    }
}
/** The CNI node agent: whether it runs, where, and its pod annotations (one fact per annotation). */
function addCniFacts(facts, model) {
    const base = { resource: CNI, section: SECTION.cni };
    const enabled = model.cniInstalls.filter((install) => install.enabled.value);
    facts.add({
        ...base,
        path: 'enabled',
        value: enabled.length > 0,
        ...(enabled[0] ? { origin: enabled[0].enabled.origin } : {}),
    });
    const install = enabled[0];
    if (!install)
        return;
    facts.add({ ...base, path: 'namespace', ...factValue(install.namespace) });
    const annotations = Object.assign({}, ...enabled.map((one) => one.podAnnotations.value));
    facts.addMap({ ...base, origin: install.podAnnotations.origin }, 'podAnnotations', annotations);
}
/** The operator's namespace, CSI driver and version. */
function addOperatorFacts(facts, model) {
    const base = { resource: OPERATOR, section: SECTION.operator };
    const installs = model.operatorInstalls;
    if (installs.length > 0) {
        const namespaces = operatorNamespaces(model);
        facts.add({
            ...base,
            path: 'namespace',
            value: namespaces.map((ns) => ns.value).sort(),
            ...(installs[0] ? { origin: installs[0].namespace.origin } : {}),
        });
    }
    facts.add({ ...base, path: 'csidriver.enabled', ...factValue(csiDriverEnabled(model)) });
    const version = installs.map((install) => install.version).find((value) => value !== undefined);
    facts.add({ ...base, path: 'version', ...factValue(version) });
}
/** How a namespace joins the mesh, read from its labels; null when it is not in the mesh. */
function dataPlaneMode(namespace) {
    const labels = namespace.labels;
    const injection = labels['istio-injection'];
    const revision = labels['istio.io/rev'];
    const ambient = labels['istio.io/dataplane-mode'];
    const sidecar = injection === 'enabled'
        ? 'sidecar (istio-injection=enabled)'
        : injection === undefined && revision !== undefined
            ? `sidecar (istio.io/rev=${revision})`
            : undefined;
    const parts = [
        ...(sidecar ? [sidecar] : []),
        ...(ambient === 'ambient' ? ['ambient'] : []),
        ...(injection === 'disabled' ? ['injection disabled'] : []),
        ...(ambient === 'none' ? ['ambient opted out'] : []),
    ];
    return parts.length > 0 ? parts.join(' + ') : null;
}
const MESH_LABELS = ['istio-injection', 'istio.io/rev', 'istio.io/dataplane-mode'];
/** Per namespace: data-plane mode, and the mTLS mode of its own namespace-wide PeerAuthentication. */
function addNamespaceFacts(facts, model) {
    for (const namespace of model.namespaces.values()) {
        const resource = `Namespace ${namespace.name}`;
        const label = MESH_LABELS.find((key) => namespace.labels[key] !== undefined);
        const line = label ? namespace.document.lineAt(['metadata', 'labels', label]) : undefined;
        facts.add({
            resource,
            section: SECTION.namespace,
            path: 'data plane',
            value: dataPlaneMode(namespace),
            origin: line ? { file: namespace.document.file, line } : namespace.origin,
            resourceOrigin: namespace.origin,
        });
    }
    const root = effectiveRootNamespace(model).value;
    for (const pa of model.peerAuthentications) {
        if (pa.selector || !pa.namespace || pa.namespace === root)
            continue;
        facts.add({
            resource: `Namespace ${pa.namespace}`,
            section: SECTION.namespace,
            path: 'mTLS mode',
            value: modeOf(pa) ?? null,
            origin: pa.mtlsMode?.origin ?? pa.origin,
            resourceOrigin: pa.origin,
        });
    }
}
/** Workload-scoped PeerAuthentications, Sidecars and ServiceEntries: the objects that open or close paths. */
function addPolicyFacts(facts, model) {
    for (const pa of model.peerAuthentications) {
        if (!pa.selector)
            continue;
        const base = { resource: resourceId(pa), section: SECTION.policy, resourceOrigin: pa.origin };
        facts.add({ ...base, path: '', value: true, origin: pa.origin });
        facts.add({
            ...base,
            path: 'selector',
            value: selectorText({ matchLabels: pa.selector }),
            origin: pa.origin,
        });
        facts.add({
            ...base,
            path: 'mTLS mode',
            value: modeOf(pa) ?? null,
            origin: pa.mtlsMode?.origin ?? pa.origin,
        });
        facts.addMap({ ...base, origin: pa.origin }, 'portLevelMtls', pa.portLevelMtls);
    }
    for (const sidecar of model.sidecars) {
        const base = { resource: resourceId(sidecar), section: SECTION.policy, resourceOrigin: sidecar.origin };
        facts.add({ ...base, path: '', value: true, origin: sidecar.origin });
        facts.add({
            ...base,
            path: 'outboundTrafficPolicy.mode',
            value: sidecar.outboundPolicy?.value ?? null,
            origin: sidecar.outboundPolicy?.origin ?? sidecar.origin,
        });
        facts.add({
            ...base,
            path: 'egress hosts',
            value: [...sidecar.egressHosts].sort(),
            origin: sidecar.origin,
        });
    }
    for (const entry of model.serviceEntries) {
        const base = { resource: resourceId(entry), section: SECTION.egress, resourceOrigin: entry.origin };
        facts.add({ ...base, path: '', value: true, origin: entry.origin });
        facts.add({ ...base, path: 'hosts', value: [...entry.hosts.value].sort(), origin: entry.hosts.origin });
        const ports = entry.ports.map((port) => `${port.number}/${port.protocol ?? '?'}`).sort();
        facts.add({ ...base, path: 'ports', value: ports, origin: entry.origin });
        facts.add({
            ...base,
            path: 'exportTo',
            value: entry.exportTo ? [...entry.exportTo].sort() : null,
            origin: entry.origin,
        });
    }
}
/** Pod labels and annotations through which a workload joins the mesh or talks to Dynatrace. */
const WORKLOAD_KEYS = /^(sidecar\.istio\.io\/|istio\.io\/|proxy\.istio\.io\/|traffic\.sidecar\.istio\.io\/|oneagent\.dynatrace\.com\/|metrics\.dynatrace\.com\/|dynatrace\.com\/|prometheus\.io\/)/;
function relevant(map) {
    return Object.fromEntries(Object.entries(map).filter(([key]) => WORKLOAD_KEYS.test(key)));
}
/**
 * Workloads: only the pod labels and annotations that Istio or Dynatrace read, one fact per key. No fact says
 * a workload exists: the pre-filter skips workloads that mention neither, so absence is not removal.
 */
function addWorkloadFacts(facts, model) {
    for (const workload of model.workloads) {
        const base = {
            resource: resourceId(workload),
            section: SECTION.workload,
            resourceOrigin: workload.origin,
        };
        const at = (kind) => (key) => {
            const line = workload.document.lineAt([...workload.podMetadataPath, kind, key]);
            return line === undefined ? undefined : { file: workload.document.file, line };
        };
        facts.addMap({ ...base, origin: workload.origin }, 'pod labels', relevant(workload.podLabels), at('labels'));
        facts.addMap({ ...base, origin: workload.origin }, 'pod annotations', relevant(workload.podAnnotations), at('annotations'));
        if (workload.hostNetwork)
            facts.add({ ...base, path: 'hostNetwork', value: true, origin: workload.origin });
    }
}

;// CONCATENATED MODULE: ./src/text-order.ts
/**
 * Orders text by UTF-16 code units, the same on every machine. `localeCompare` would let the host's locale decide
 * the order of a report (a required check must not change with the runner's language), and its first call loads
 * ICU's collator: about 13 ms of every start.
 */
function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/diff/index.ts




/** Every setting of one side of the repository that the diff compares, in domain terms. */
function domainFacts(model) {
    const facts = new FactSet();
    for (const dynakube of model.dynakubes)
        addDynaKubeFacts(facts, dynakube);
    addOperatorFacts(facts, model);
    addMeshFacts(facts, model);
    addControlPlaneFacts(facts, model);
    addCniFacts(facts, model);
    addNamespaceFacts(facts, model);
    addPolicyFacts(facts, model);
    addWorkloadFacts(facts, model);
    return facts;
}
/** The path of the fact that says a resource exists; a resource on one side only is one added/removed change. */
const EXISTS = '';
/**
 * What a change does in domain terms: settings compared by meaning, so moving, reformatting or re-quoting YAML
 * (or switching a DynaKube between apiVersions that say the same) is no change.
 */
function diffModels(base, head) {
    const pairs = pairFacts(domainFacts(base), domainFacts(head));
    const whole = new Set();
    for (const pair of pairs.values()) {
        const one = pair.before ?? pair.after;
        if (one.path === EXISTS && (!pair.before || !pair.after))
            whole.add(one.resource);
    }
    const changes = [];
    for (const pair of pairs.values()) {
        const one = pair.after ?? pair.before;
        if (whole.has(one.resource)) {
            if (one.path === EXISTS)
                changes.push(wholeResourceChange(pairs, one.resource, pair));
            continue;
        }
        if (canonical(pair.before?.value ?? null) === canonical(pair.after?.value ?? null))
            continue;
        changes.push({ change: toChange(pair), section: one.section, order: pair.order });
    }
    return changes
        .sort((a, b) => a.section - b.section || byCodeUnits(a.change.resource, b.change.resource) || a.order - b.order)
        .map((entry) => entry.change);
}
function pairFacts(before, after) {
    const pairs = new Map();
    let order = 0;
    for (const [key, fact] of before.facts)
        pairs.set(key, { before: fact, order: order++ });
    for (const [key, fact] of after.facts) {
        const pair = pairs.get(key);
        if (pair)
            pair.after = fact;
        else
            pairs.set(key, { after: fact, order: order++ });
    }
    return pairs;
}
/** Where a change is written: the new value on head; for a removed setting, its resource on head, else base. */
function diff_location(pair) {
    const origin = pair.after?.origin ?? pair.after?.resourceOrigin ?? pair.before?.origin ?? pair.before?.resourceOrigin;
    return origin?.file ? { file: origin.file, line: origin.line } : {};
}
function toChange(pair) {
    const one = pair.after ?? pair.before;
    return {
        resource: one.resource,
        path: one.path,
        before: pair.before?.value ?? null,
        after: pair.after?.value ?? null,
        ...diff_location(pair),
    };
}
/** A resource added or removed as a whole: one change whose other side lists its settings. */
function wholeResourceChange(pairs, resource, exists) {
    const added = !!exists.after;
    const one = exists.after ?? exists.before;
    const settings = {};
    for (const pair of pairs.values()) {
        const fact = added ? pair.after : pair.before;
        if (!fact || fact.resource !== resource || fact.path === EXISTS)
            continue;
        if (fact.value !== null && !(Array.isArray(fact.value) && fact.value.length === 0))
            settings[fact.path] = fact.value;
    }
    const change = {
        resource,
        path: '',
        before: added ? null : settings,
        after: added ? settings : null,
        ...diff_location(exists),
    };
    return { change, section: one.section, order: exists.order };
}

;// CONCATENATED MODULE: ./src/output-file.ts


/** A report or manifest that cannot be written where the user asked: said in one line, not as an internal error. */
class OutputError extends Error {
}
/**
 * Writes `text` to `target`, making the folders it needs first (as a linter's `--output` does). A failure names the
 * file and the reason in an {@link OutputError}.
 */
async function writeOutputFile(target, text) {
    try {
        await makeFolders(external_node_path_default().dirname(external_node_path_default().resolve(target)));
        await external_node_fs_namespaceObject.promises.writeFile(target, text);
    }
    catch (error) {
        throw new OutputError(`cannot write ${target}: ${reasonOf(error)}`);
    }
}
/**
 * Makes `folder` and its missing parents one level at a time. Not `mkdir({ recursive: true })`: Node's recursive
 * mkdir never returns (it spins at full CPU) when a parent lies on a file system that answers ENOENT to every new
 * folder, such as `/proc`; one level at a time, that answer is an error like any other.
 */
async function makeFolders(folder) {
    const missing = [];
    let current = external_node_path_default().resolve(folder);
    while (!(await isFolder(current))) {
        missing.push(current);
        const parent = external_node_path_default().dirname(current);
        if (parent === current)
            break;
        current = parent;
    }
    for (const dir of missing.reverse()) {
        await external_node_fs_namespaceObject.promises.mkdir(dir).catch((error) => {
            // Made meanwhile by someone else: fine.
            if (error.code !== 'EEXIST')
                throw error;
        });
    }
}
async function isFolder(dir) {
    const stat = await external_node_fs_namespaceObject.promises.stat(dir).catch(() => undefined);
    return stat?.isDirectory() ?? false;
}
/** Node's `ENOENT: no such file or directory, mkdir '/x'` without the path, which the caller names already. */
function reasonOf(error) {
    const message = (error.message ?? String(error)).split('\n')[0];
    return message.replace(/, \w+ '.*'$/, '');
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
;// CONCATENATED MODULE: ./src/generate/communication-host.ts

const DEFAULT_PORTS = { http: 80, https: 443 };
/** The operator's separators: OneAgent endpoints are `;`-joined, ActiveGate endpoints `,`-joined. */
const ONEAGENT_ENDPOINT_SEPARATOR = ';';
const ACTIVEGATE_ENDPOINT_SEPARATOR = ',';
/** URL → {protocol, host, port}, the way the operator parses it: only http/https, default ports, path dropped. */
function parseCommunicationHost(endpoint) {
    const text = endpoint.trim();
    if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(text))
        return { ok: false, error: `no protocol provided in "${text}"` };
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return { ok: false, error: `"${text}" is not a valid URL` };
    }
    const protocol = url.protocol.slice(0, -1).toLowerCase();
    if (protocol !== 'http' && protocol !== 'https')
        return { ok: false, error: `unknown protocol "${protocol}" in "${text}"` };
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (!host)
        return { ok: false, error: `no host in "${text}"` };
    // WHATWG URL drops a port equal to the scheme's default, so an empty port means the default.
    const port = url.port ? Number(url.port) : DEFAULT_PORTS[protocol];
    return { ok: true, value: { protocol, host, port } };
}
function communicationHostKey(host) {
    return `${host.protocol}://${host.host}:${host.port}`;
}
/**
 * Parses a separator-joined endpoint list. Like the operator, one unparsable entry fails the whole list, and
 * the result is de-duplicated by `protocol://host:port` and sorted by that key.
 */
function parseCommunicationHosts(endpoints, separator) {
    const entries = (typeof endpoints === 'string' ? endpoints.split(separator) : endpoints)
        .map((entry) => entry.trim())
        .filter((entry) => entry !== '');
    const byKey = new Map();
    for (const entry of entries) {
        const parsed = parseCommunicationHost(entry);
        if (!parsed.ok)
            return parsed;
        byKey.set(communicationHostKey(parsed.value), parsed.value);
    }
    const sorted = [...byKey.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, host]) => host);
    return { ok: true, value: sorted };
}
/** IP endpoints and FQDN endpoints go into different ServiceEntries: Istio cannot mix them in one. */
function splitByAddressKind(hosts) {
    return {
        fqdn: hosts.filter((host) => (0,external_node_net_.isIP)(host.host) === 0),
        ip: hosts.filter((host) => (0,external_node_net_.isIP)(host.host) !== 0),
    };
}
const THIRD_GEN_MARKER = '.apps.';
/**
 * Third-generation tenant URLs (`X.apps.<domain>`) map to the second-generation API host the operator talks to:
 * `X.live.<domain>`, or `X.<domain>` when X already has a dot; the path becomes `/api`.
 */
function toSecondGenApiUrl(apiUrl) {
    let url;
    try {
        url = new URL(apiUrl.trim());
    }
    catch {
        return apiUrl;
    }
    const at = url.hostname.indexOf(THIRD_GEN_MARKER);
    if (at <= 0)
        return apiUrl.trim();
    const prefix = url.hostname.slice(0, at);
    const suffix = url.hostname.slice(at + THIRD_GEN_MARKER.length);
    url.hostname = prefix.includes('.') ? `${prefix}.${suffix}` : `${prefix}.live.${suffix}`;
    url.pathname = '/api';
    url.search = '';
    url.hash = '';
    return url.toString();
}
/** Markers of values that are substituted at deploy time (the documented example tenant, templates, substitutions). */
const PLACEHOLDER_PATTERNS = [
    /ENVIRONMENTID/i,
    /\$\{/,
    /\{\{/,
    /<path:/,
    /_PLACEHOLDER/i,
    /\$\(/,
    /ARGOCD_ENV_/,
];
function isPlaceholder(value) {
    return PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(value));
}

;// CONCATENATED MODULE: ./src/generate/dynatrace-api.ts

const DEFAULT_TIMEOUT_MS = 10_000;
const ONEAGENT_PATH = '/v1/deployment/installer/agent/connectioninfo';
const ACTIVEGATE_PATH = '/v1/deployment/installer/gateway/connectioninfo';
/**
 * A minimal client for the two connection-info endpoints the operator reads. Every failure becomes a message
 * (never an exception) and no message ever contains the token.
 */
class DynatraceApiClient {
    options;
    /** The API base the operator talks to (third-generation URLs mapped to second generation), without a trailing `/`. */
    baseUrl;
    timeoutMs;
    constructor(options) {
        this.options = options;
        this.baseUrl = withoutQuery(toSecondGenApiUrl(options.apiUrl)).replace(/\/+$/, '');
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    }
    /** OneAgent endpoints; with a network zone the operator asks for that zone with fallback to the default zone. */
    async oneAgentConnectionInfo(networkZone) {
        const query = networkZone
            ? `?networkZone=${encodeURIComponent(networkZone)}&defaultZoneFallback=true`
            : '';
        const result = await this.getJson(`${this.baseUrl}${ONEAGENT_PATH}${query}`);
        if (!result.ok) {
            if (result.status === 400 && networkZone) {
                return {
                    ok: false,
                    error: `the Dynatrace API could not find the network zone "${networkZone}" or deliver the default fallback ` +
                        '(HTTP 400); is an ActiveGate configured for the network zone?',
                };
            }
            return result;
        }
        return { ok: true, value: { endpoints: oneAgentEndpoints(result.body) } };
    }
    async activeGateConnectionInfo() {
        const result = await this.getJson(`${this.baseUrl}${ACTIVEGATE_PATH}`);
        if (!result.ok)
            return result;
        return { ok: true, value: { endpoints: activeGateEndpoints(result.body) } };
    }
    async getJson(url) {
        const where = dynatrace_api_redact(url);
        let response;
        try {
            response = await fetch(url, {
                headers: { Authorization: `Api-Token ${this.options.token}`, Accept: 'application/json' },
                signal: AbortSignal.timeout(this.timeoutMs),
                redirect: 'error',
            });
        }
        catch (error) {
            return { ok: false, error: `${where}: ${this.scrub(describeFetchError(error, this.timeoutMs))}` };
        }
        if (!response.ok) {
            await response.body?.cancel().catch(() => undefined);
            return {
                ok: false,
                status: response.status,
                error: `${where}: ${describeStatus(response.status, response.statusText)}`,
            };
        }
        try {
            return { ok: true, body: JSON.parse(await response.text()) };
        }
        catch (error) {
            return {
                ok: false,
                error: `${where}: ${this.scrub(describeFetchError(error, this.timeoutMs, 'the response is not JSON'))}`,
            };
        }
    }
    /** fetch's own messages may quote the URL, credentials in it included (it refuses such URLs saying so). */
    scrub(message) {
        const withoutUserinfo = message.replace(/\/\/[^/\s@]*@/g, '//***@');
        return this.options.token ? withoutUserinfo.split(this.options.token).join('***') : withoutUserinfo;
    }
}
/** The endpoint paths are appended to the base, so a query or fragment on the given URL would swallow them. */
function withoutQuery(url) {
    const cut = url.search(/[?#]/);
    return cut < 0 ? url : url.slice(0, cut);
}
/** URL without query string or credentials, for messages. */
function dynatrace_api_redact(url) {
    try {
        const parsed = new URL(url);
        return `${parsed.origin}${parsed.pathname}`;
    }
    catch {
        return 'the Dynatrace API';
    }
}
function describeStatus(status, statusText) {
    const text = statusText ? ` ${statusText}` : '';
    if (status === 401 || status === 403) {
        return `HTTP ${status}${text}: the API token was rejected (it needs the PaaS / InstallerDownload scope)`;
    }
    if (status === 404)
        return `HTTP ${status}${text}: not found (is the API URL right, ending in /api?)`;
    return `HTTP ${status}${text}`;
}
/** Errors may come from another realm (fetch's own), so they are read by shape, not by `instanceof`. */
function describeFetchError(error, timeoutMs, fallback = 'request failed') {
    const failure = (error ?? {});
    if (failure.name === 'TimeoutError' || failure.name === 'AbortError')
        return `no answer within ${timeoutMs} ms`;
    if (failure.name === 'SyntaxError')
        return fallback;
    if (failure.cause?.code)
        return `could not connect (${failure.cause.code})`;
    const detail = failure.cause?.message ?? failure.message;
    return detail ? `${fallback}: ${detail}` : fallback;
}
function strings(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
function record(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : {};
}
/**
 * OneAgent connection info: `communicationEndpoints` (array) is what the newest operator reads; older ones read
 * `formattedCommunicationEndpoints` (one `;`-joined string); the oldest API shape had `communicationHosts`.
 */
function oneAgentEndpoints(body) {
    const info = record(body);
    const list = strings(info.communicationEndpoints);
    if (list.length > 0)
        return list;
    if (typeof info.formattedCommunicationEndpoints === 'string')
        return info.formattedCommunicationEndpoints.split(';');
    return hostsToUrls(info.communicationHosts);
}
/** ActiveGate connection info: `communicationEndpoints` is one `,`-joined string. */
function activeGateEndpoints(body) {
    const info = record(body);
    const endpoints = info.communicationEndpoints;
    if (typeof endpoints === 'string')
        return endpoints.split(',');
    return strings(endpoints);
}
function hostsToUrls(value) {
    if (!Array.isArray(value))
        return [];
    return value.flatMap((item) => {
        const host = record(item);
        if (typeof host.host !== 'string' || typeof host.protocol !== 'string')
            return [];
        const port = typeof host.port === 'number' || typeof host.port === 'string' ? `:${host.port}` : '';
        return [`${host.protocol}://${host.host.includes(':') ? `[${host.host}]` : host.host}${port}`];
    });
}

;// CONCATENATED MODULE: ./src/generate/objects.ts
/** The operator writes `networking.istio.io/v1beta1` (served by every Istio release it supports). */
const NETWORKING_API_VERSION = 'networking.istio.io/v1beta1';
const SECURITY_API_VERSION = 'security.istio.io/v1beta1';
/** The name of this tool, in labels of the objects only it proposes (the operator never creates them). */
const GENERATOR_NAME = 'dynakube-istio-guard';

;// CONCATENATED MODULE: ./src/generate/operator-objects.ts

const IGNORED_SUBDOMAIN = 'ignored.subdomain';
const SUBNET_MASK = '/32';
const PROTOCOL_TCP = 'TCP';
function fqdnName(owner, component) {
    return `${owner.name}-fqdn-${component}`;
}
function ipName(owner, component) {
    return `${owner.name}-ip-${component}`;
}
/**
 * The operator's core labels. It also sets `app.kubernetes.io/version` (its own version), a template-hash
 * annotation and an owner reference to the DynaKube: those only make sense on objects the operator itself
 * created, so they are left out of objects a person applies.
 */
function labels(owner, component) {
    return {
        'app.kubernetes.io/name': 'dynatrace-operator',
        'app.kubernetes.io/created-by': owner.name,
        'app.kubernetes.io/component': component,
    };
}
function metadata(name, owner, component) {
    return { name, namespace: owner.namespace, labels: labels(owner, component) };
}
/** Hosts in first-seen order without repeats: Istio rejects a VirtualService listing a host twice. */
function distinctHosts(hosts) {
    return [...new Set(hosts.map((host) => host.host))];
}
/** One port per distinct number, the first host with that number decides the protocol (as the operator does). */
function distinctPorts(hosts, toPort) {
    const seen = new Set();
    const ports = [];
    for (const host of hosts) {
        if (seen.has(host.port))
            continue;
        seen.add(host.port);
        ports.push(toPort(host));
    }
    return ports;
}
/** `<dk>-fqdn-<component>`: DNS-resolved, one `<protocol>-<port>` port per distinct number. */
function buildFqdnServiceEntry(owner, component, hosts) {
    return {
        apiVersion: NETWORKING_API_VERSION,
        kind: 'ServiceEntry',
        metadata: metadata(fqdnName(owner, component), owner, component),
        spec: {
            hosts: distinctHosts(hosts),
            ports: distinctPorts(hosts, (host) => ({
                name: `${host.protocol}-${host.port}`,
                number: host.port,
                protocol: host.protocol.toUpperCase(),
            })),
            location: 'MESH_EXTERNAL',
            resolution: 'DNS',
        },
    };
}
/** `<dk>-ip-<component>`: the placeholder host `ignored.subdomain`, `/32` addresses, TCP ports, no resolution. */
function buildIpServiceEntry(owner, component, hosts) {
    return {
        apiVersion: NETWORKING_API_VERSION,
        kind: 'ServiceEntry',
        metadata: metadata(ipName(owner, component), owner, component),
        spec: {
            hosts: [IGNORED_SUBDOMAIN],
            addresses: [...new Set(hosts.map((host) => `${host.host}${SUBNET_MASK}`))],
            ports: distinctPorts(hosts, (host) => ({
                name: `${PROTOCOL_TCP}-${host.port}`,
                number: host.port,
                protocol: PROTOCOL_TCP,
            })),
            location: 'MESH_EXTERNAL',
            resolution: 'NONE',
        },
    };
}
function destination(host) {
    return { destination: { host: host.host, port: { number: host.port } } };
}
/** Same name as the FQDN ServiceEntry: a TLS route (by SNI) per https host, an HTTP route per http host. */
function buildVirtualService(owner, component, hosts) {
    const tls = hosts
        .filter((host) => host.protocol === 'https')
        .map((host) => ({ match: [{ sniHosts: [host.host], port: host.port }], route: [destination(host)] }));
    const http = hosts
        .filter((host) => host.protocol === 'http')
        .map((host) => ({ match: [{ port: host.port }], route: [destination(host)] }));
    return {
        apiVersion: NETWORKING_API_VERSION,
        kind: 'VirtualService',
        metadata: metadata(fqdnName(owner, component), owner, component),
        spec: {
            hosts: distinctHosts(hosts),
            ...(tls.length > 0 ? { tls } : {}),
            ...(http.length > 0 ? { http } : {}),
        },
    };
}

;// CONCATENATED MODULE: ./src/generate/dynatrace-entries.ts


const INJECTING_MODES = new Set(['cloudNativeFullStack', 'applicationMonitoring']);
function dynatrace_entries_injectsCodeModules(dynakube) {
    return dynakube.modes.some((mode) => INJECTING_MODES.has(mode.value));
}
/** The operator creates ActiveGate entries when the ActiveGate is enabled, i.e. it has a capability. */
function hasActiveGate(dynakube) {
    return (dynakube.activeGate?.capabilities.value.length ?? 0) > 0;
}
function note(origin, reason) {
    return { file: origin.file, line: origin.line, reason };
}
function objectsFor(owner, component, hosts) {
    const { fqdn, ip } = splitByAddressKind(hosts);
    const objects = [];
    if (fqdn.length > 0)
        objects.push(buildFqdnServiceEntry(owner, component, fqdn), buildVirtualService(owner, component, fqdn));
    if (ip.length > 0)
        objects.push(buildIpServiceEntry(owner, component, ip));
    return objects;
}
function names(owner, component) {
    return `${fqdnName(owner, component)} / ${ipName(owner, component)}`;
}
/** The apiUrl to use: the DynaKube's own, or the one given on the command line when the DynaKube has a placeholder. */
function resolveApiUrl(dynakube, givenApiUrl) {
    const own = dynakube.apiUrl?.value.trim();
    if (own && !isPlaceholder(own))
        return { apiUrl: own };
    if (givenApiUrl)
        return { apiUrl: givenApiUrl };
    if (!own)
        return { problem: 'the DynaKube has no apiUrl' };
    return {
        problem: `apiUrl "${own}" is a placeholder substituted at deploy time, so the Dynatrace hosts are unknown ` +
            '(give the real URL: CLI --dynatrace-api-url, action dynatrace-api-url)',
    };
}
async function endpointObjects(owner, component, origin, query) {
    const label = component === 'oneagent' ? 'OneAgent' : 'ActiveGate';
    const result = await query();
    const skipped = `${names(owner, component)} not generated`;
    if (!result.ok)
        return { objects: [], covered: [], notes: [note(origin, `${skipped}: ${result.error}`)] };
    const separator = component === 'oneagent' ? ONEAGENT_ENDPOINT_SEPARATOR : ACTIVEGATE_ENDPOINT_SEPARATOR;
    const hosts = parseCommunicationHosts(result.value.endpoints, separator);
    if (!hosts.ok) {
        // The operator fails the whole component on one bad endpoint; so does the generator, saying which one.
        return {
            objects: [],
            covered: [],
            notes: [note(origin, `${skipped}: ${label} endpoint ${hosts.error}`)],
        };
    }
    if (hosts.value.length === 0) {
        return {
            objects: [],
            covered: [],
            notes: [note(origin, `${skipped}: the Dynatrace API lists no ${label} communication endpoints`)],
        };
    }
    return { objects: objectsFor(owner, component, hosts.value), covered: hosts.value, notes: [] };
}
/**
 * The ServiceEntries and VirtualServices the operator would create for one DynaKube with `enableIstio`:
 * the API host always, OneAgent endpoints for code-module injection, ActiveGate endpoints for an ActiveGate.
 */
async function dynatraceEntries(dynakube, namespace, source, givenApiUrl) {
    const owner = { name: dynakube.name, namespace };
    const origin = dynakube.apiUrl?.origin ?? dynakube.origin;
    const resolved = resolveApiUrl(dynakube, givenApiUrl);
    if ('problem' in resolved) {
        return {
            objects: [],
            covered: [],
            notes: [
                note(origin, `ServiceEntries for DynaKube ${dynakube.name} not generated: ${resolved.problem}`),
            ],
        };
    }
    const result = { objects: [], notes: [], covered: [] };
    const apiHost = parseCommunicationHost(toSecondGenApiUrl(resolved.apiUrl));
    if (apiHost.ok) {
        result.objects.push(...objectsFor(owner, 'operator', [apiHost.value]));
        result.covered.push(apiHost.value);
    }
    else {
        // Without a usable API URL the OneAgent and ActiveGate endpoints cannot be asked for either.
        result.notes.push(note(origin, `ServiceEntries for DynaKube ${dynakube.name} not generated: apiUrl ${apiHost.error}`));
        return result;
    }
    const wanted = [];
    const injecting = dynakube.modes.find((mode) => INJECTING_MODES.has(mode.value));
    if (injecting)
        wanted.push({ component: 'oneagent', origin: injecting.origin });
    if (hasActiveGate(dynakube))
        wanted.push({ component: 'activegate', origin: dynakube.activeGate?.origin ?? origin });
    if (wanted.length === 0)
        return result;
    const client = source.clientFor(resolved.apiUrl);
    for (const { component, origin: componentOrigin } of wanted) {
        if ('unavailable' in client) {
            result.notes.push(note(componentOrigin, `${names(owner, component)} not generated: ${client.unavailable}`));
            continue;
        }
        const networkZone = dynakube.networkZone?.value.trim() || undefined;
        const query = component === 'oneagent' ? () => source.oneAgent(client, networkZone) : () => source.activeGate(client);
        const entries = await endpointObjects(owner, component, componentOrigin, query);
        result.objects.push(...entries.objects);
        result.notes.push(...entries.notes);
        result.covered.push(...entries.covered);
    }
    return result;
}

;// CONCATENATED MODULE: ./src/generate/peer-authentication.ts



/** The labels the operator puts on ActiveGate pods that select them whatever the DynaKube. */
const ACTIVEGATE_POD_LABELS = {
    'app.kubernetes.io/name': 'activegate',
    'app.kubernetes.io/managed-by': 'dynatrace-operator',
};
const ACTIVEGATE_PEER_AUTHENTICATION_NAME = 'dynatrace-activegate-permissive';
/**
 * PERMISSIVE mTLS for the ActiveGate pods: OneAgents on the host network are outside the mesh and speak plain
 * TLS to the ActiveGate, which a STRICT policy would refuse.
 */
function activeGatePeerAuthentication(namespace) {
    return {
        apiVersion: SECURITY_API_VERSION,
        kind: 'PeerAuthentication',
        metadata: { name: ACTIVEGATE_PEER_AUTHENTICATION_NAME, namespace },
        spec: { selector: { matchLabels: { ...ACTIVEGATE_POD_LABELS } }, mtls: { mode: 'PERMISSIVE' } },
    };
}
/** The ActiveGate container's HTTPS port, the one OneAgents connect to (portLevelMtls keys are container ports). */
const ACTIVEGATE_PORT = 9999;
/**
 * The ActiveGate pods of this DynaKube, placed in `namespace`, are in the mesh (sidecar or ambient) and Istio's
 * PeerAuthentication resolution makes their HTTPS port STRICT, so OneAgents outside the mesh are refused. An
 * existing PERMISSIVE policy selecting the pods (workload or port level) already answers this.
 */
function activeGateNeedsPermissive(model, dynakube, namespace) {
    const pod = activeGatePod(model, dynakube);
    if (!pod)
        return false;
    const placed = { ...pod, namespace };
    if (!podMeshMembership(model, placed))
        return false;
    return effectiveMtls(model, namespace, placed.labels, ACTIVEGATE_PORT).value === 'STRICT';
}

;// CONCATENATED MODULE: ./src/generate/registries.ts
const DOCKER_HUB_NAMES = new Set([
    'docker.io',
    'index.docker.io',
    'registry-1.docker.io',
    'registry.hub.docker.com',
]);
/** The registry host (and port) of an image reference, or undefined when the reference is not parsable. */
function registryOfImage(image) {
    const reference = image.trim();
    if (!reference || /\s/.test(reference))
        return undefined;
    const slash = reference.indexOf('/');
    const first = slash < 0 ? '' : reference.slice(0, slash);
    // Docker's rule: the first component is a registry when it has a dot or a port, or is `localhost`.
    const isRegistry = first !== '' && (first.includes('.') || first.includes(':') || first === 'localhost');
    if (!isRegistry)
        return { registry: 'docker.io', port: 443 };
    const match = /^([a-zA-Z0-9.-]+)(?::([0-9]{1,5}))?$/.exec(first);
    if (!match)
        return undefined;
    const registry = match[1].toLowerCase();
    const port = match[2] ? Number(match[2]) : 443;
    if (port < 1 || port > 65535)
        return undefined;
    return { registry: DOCKER_HUB_NAMES.has(registry) ? 'docker.io' : registry, port };
}
const QUAY_CDN = ['cdn.quay.io', 'cdn01.quay.io', 'cdn02.quay.io', 'cdn03.quay.io'];
const FAMILIES = [
    {
        matches: (registry) => registry === 'docker.io',
        hosts: () => ({
            hosts: [
                'index.docker.io',
                'registry-1.docker.io',
                'auth.docker.io',
                'production.cloudflare.docker.com',
            ],
            wildcardHosts: [],
        }),
    },
    {
        matches: (registry) => registry === 'ghcr.io',
        hosts: () => ({ hosts: ['ghcr.io', 'pkg-containers.githubusercontent.com'], wildcardHosts: [] }),
    },
    {
        // Red Hat's registries serve their blobs from Quay's CDN too.
        matches: (registry) => ['quay.io', 'registry.redhat.io', 'registry.access.redhat.com'].includes(registry),
        hosts: (registry) => ({ hosts: [...new Set([registry, 'quay.io', ...QUAY_CDN])], wildcardHosts: [] }),
    },
    {
        matches: (registry) => registry === 'public.ecr.aws',
        hosts: () => ({
            hosts: ['public.ecr.aws', 'd2glxqk2uabbnd.cloudfront.net', 'd5l0dvt14r5h8.cloudfront.net'],
            wildcardHosts: [],
        }),
    },
    {
        // Private ECR keeps layers in a regional S3 bucket.
        matches: (registry) => /^[0-9]{12}\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+)\.amazonaws\.com$/.exec(registry),
        hosts: (registry, match) => {
            const region = match[1];
            return {
                hosts: [registry, `prod-${region}-starport-layer-bucket.s3.${region}.amazonaws.com`],
                wildcardHosts: [],
            };
        },
    },
    {
        // Container Registry and Artifact Registry hand out blobs from Cloud Storage.
        matches: (registry) => registry === 'gcr.io' || registry.endsWith('.gcr.io') || registry.endsWith('-docker.pkg.dev'),
        hosts: (registry) => ({ hosts: [registry, 'storage.googleapis.com'], wildcardHosts: [] }),
    },
    {
        matches: (registry) => registry.endsWith('.azurecr.io'),
        hosts: (registry) => ({
            hosts: [registry],
            wildcardHosts: ['*.blob.core.windows.net'],
            caveat: `${registry} serves layers from a storage account whose name is not in the image reference; with dedicated ` +
                `data endpoints enabled, list "${registry.replace(/\.azurecr\.io$/, '')}.<region>.data.azurecr.io" instead of the wildcard`,
        }),
    },
    {
        matches: (registry) => registry === 'mcr.microsoft.com',
        hosts: () => ({ hosts: ['mcr.microsoft.com'], wildcardHosts: ['*.data.mcr.microsoft.com'] }),
    },
];
/** The hosts a pull from `registry` contacts; unknown registries are assumed to serve their blobs themselves. */
function registryHosts(registry, port) {
    for (const family of FAMILIES) {
        const match = family.matches(registry);
        if (match)
            return { registry, port, ...family.hosts(registry, match) };
    }
    return { registry, port, hosts: [registry], wildcardHosts: [] };
}

;// CONCATENATED MODULE: ./src/generate/registry-entries.ts



/** Dynatrace's public registry, used with `feature.dynatrace.com/use-public-registry`. */
const DYNATRACE_PUBLIC_REGISTRY = 'public.ecr.aws';
const USE_PUBLIC_REGISTRY_FLAG = 'feature.dynatrace.com/use-public-registry';
/** Images pulled by something in the operator's namespace: the operator reads their manifests, the CSI provisioner pulls code modules. */
function imagesOf(dynakube) {
    const uses = [];
    const add = (field, fact) => {
        if (fact)
            uses.push({ image: fact.value, field, fact });
    };
    add('codeModulesImage', dynakube.codeModulesImage);
    add('OneAgent image', dynakube.oneAgentImage);
    add('activeGate.image', dynakube.activeGate?.image);
    const override = dynakube.publicRegistryOverride;
    if (override) {
        // The override names a registry (optionally with a path), not an image: give it an image name to parse.
        uses.push({
            image: `${override.value.replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '')}/image`,
            field: 'publicRegistryOverride',
            fact: override,
        });
    }
    else if (dynakube.annotations[USE_PUBLIC_REGISTRY_FLAG] === 'true') {
        uses.push({ image: `${DYNATRACE_PUBLIC_REGISTRY}/dynatrace/image`, field: USE_PUBLIC_REGISTRY_FLAG });
    }
    return uses;
}
function matchesHost(pattern, host) {
    if (pattern === host)
        return true;
    return pattern.startsWith('*.') && !host.startsWith('*') && host.endsWith(pattern.slice(1));
}
function coveredByServiceEntries(entries) {
    return entries.flatMap((entry) => entry.hosts.value.flatMap((host) => entry.ports.map((port) => ({ host, port: port.number }))));
}
function isCovered(host, port, covered) {
    return covered.some((entry) => entry.port === port && matchesHost(entry.host, host));
}
function slug(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
function registryEntry(name, namespace, hosts, port, resolution) {
    return {
        apiVersion: NETWORKING_API_VERSION,
        kind: 'ServiceEntry',
        metadata: {
            name,
            namespace,
            labels: { 'app.kubernetes.io/created-by': GENERATOR_NAME, 'app.kubernetes.io/component': 'registry' },
        },
        spec: {
            hosts,
            ports: [{ name: `https-${port}`, number: port, protocol: 'HTTPS' }],
            location: 'MESH_EXTERNAL',
            resolution,
        },
    };
}
/** Keeps names within 63 characters and valid: longer registry names are cut at a dash boundary. */
function entryName(registry, suffix = '') {
    const base = `dynatrace-registry-${slug(registry)}`.slice(0, 63 - suffix.length).replace(/-+$/, '');
    return `${base}${suffix}`;
}
/**
 * One ServiceEntry per registry per namespace, with the blob hosts that registry redirects to, minus the hosts
 * ServiceEntries in the repository (or generated ones) already cover. Wildcard blob hosts go to a second entry
 * with `resolution: NONE`, the only resolution Istio accepts for a wildcard without endpoints.
 */
function registryEntries(dynakubes, covered) {
    const objects = [];
    const notes = [];
    const done = new Set();
    for (const { dynakube, namespace } of dynakubes) {
        for (const use of imagesOf(dynakube)) {
            const origin = use.fact?.origin ?? dynakube.origin;
            const skip = (reason) => notes.push({ file: origin.file, line: origin.line, reason });
            if (isPlaceholder(use.image)) {
                skip(`registry ServiceEntry for ${use.field} of DynaKube ${dynakube.name} not generated: "${use.image}" is a placeholder`);
                continue;
            }
            const parsed = registryOfImage(use.image);
            if (!parsed) {
                skip(`registry ServiceEntry for ${use.field} of DynaKube ${dynakube.name} not generated: "${use.image}" is not an image reference`);
                continue;
            }
            const push = (object) => objects.push({ object, origin });
            const key = `${namespace}|${parsed.registry}|${parsed.port}`;
            if (done.has(key))
                continue;
            done.add(key);
            const wanted = registryHosts(parsed.registry, parsed.port);
            // Blob hosts are always fetched over 443, whatever port the registry API uses.
            const hosts = wanted.hosts.filter((host) => !isCovered(host, host === parsed.registry ? parsed.port : 443, covered));
            const apiHosts = hosts.filter((host) => host === parsed.registry);
            const otherHosts = hosts.filter((host) => host !== parsed.registry);
            if (parsed.port !== 443 && apiHosts.length > 0) {
                push(registryEntry(entryName(parsed.registry), namespace, apiHosts, parsed.port, 'DNS'));
                if (otherHosts.length > 0)
                    push(registryEntry(entryName(parsed.registry, '-blobs'), namespace, otherHosts, 443, 'DNS'));
            }
            else if (hosts.length > 0) {
                push(registryEntry(entryName(parsed.registry), namespace, hosts, 443, 'DNS'));
            }
            const wildcards = wanted.wildcardHosts.filter((host) => !isCovered(host, 443, covered));
            if (wildcards.length > 0)
                push(registryEntry(entryName(parsed.registry, '-wildcard'), namespace, wildcards, 443, 'NONE'));
            if (wanted.caveat && wildcards.length > 0)
                skip(`registry ServiceEntry ${entryName(parsed.registry, '-wildcard')}: ${wanted.caveat}`);
        }
    }
    return { objects, notes };
}

;// CONCATENATED MODULE: ./src/generate/index.ts








const DEFAULT_NAMESPACE = 'dynatrace';
/** Egress is restricted somewhere: REGISTRY_ONLY mesh-wide or in a Sidecar. */
function egressRestricted(model) {
    return (model.meshConfigs.some((mesh) => mesh.outboundPolicy?.value.toUpperCase() === 'REGISTRY_ONLY') ||
        model.sidecars.some((sidecar) => sidecar.outboundPolicy?.value === 'REGISTRY_ONLY'));
}
function namespaceOf(model, dynakube) {
    return dynakube.namespace ?? model.operatorInstalls[0]?.namespace.value ?? DEFAULT_NAMESPACE;
}
/** One client per tenant and one query per (tenant, network zone), shared by all DynaKubes. */
function connectionInfoSource(options) {
    const clients = new Map();
    const answers = new Map();
    const given = options?.apiUrl
        ? originOf(new DynatraceApiClient({ apiUrl: options.apiUrl, token: '' }).baseUrl)
        : undefined;
    const once = (key, query) => {
        let answer = answers.get(key);
        if (!answer)
            answers.set(key, (answer = query()));
        return answer;
    };
    return {
        clientFor(apiUrl) {
            if (!options?.token) {
                return {
                    unavailable: 'no Dynatrace API token was given, so the communication endpoints are unknown (CLI: DT_API_TOKEN; action: dynatrace-api-token)',
                };
            }
            const client = new DynatraceApiClient({ apiUrl, token: options.token, timeoutMs: options.timeoutMs });
            const own = originOf(client.baseUrl);
            if (given && own && own.origin !== given.origin) {
                return {
                    unavailable: `the API token is for ${given.host}, not for this DynaKube's tenant ${own.host}`,
                };
            }
            const known = clients.get(client.baseUrl);
            if (known)
                return known;
            clients.set(client.baseUrl, client);
            return client;
        },
        oneAgent: (client, networkZone) => once(`oa|${client.baseUrl}|${networkZone ?? ''}`, () => client.oneAgentConnectionInfo(networkZone)),
        activeGate: (client) => once(`ag|${client.baseUrl}`, () => client.activeGateConnectionInfo()),
    };
}
function originOf(url) {
    try {
        const { origin, host } = new URL(url);
        return { origin, host };
    }
    catch {
        return undefined;
    }
}
function render(object) {
    const { kind, metadata } = object;
    return {
        kind,
        namespace: metadata.namespace,
        name: metadata.name,
        file: `generated/${metadata.namespace}.yaml`,
        yaml: (0,dist/* stringify */.As)(object, { lineWidth: 0, indentSeq: false }),
    };
}
/** The objects, each validated first: one that Istio would reject is not offered, a note says why. */
async function validated(objects, notes, origins) {
    if (objects.length === 0)
        return [];
    const { validateIstioObject } = await __nccwpck_require__.e(/* import() */ 923).then(__nccwpck_require__.bind(__nccwpck_require__, 5923));
    const kept = [];
    for (const object of objects) {
        const problems = await validateIstioObject(object);
        if (problems.length === 0)
            kept.push(object);
        else {
            const origin = origins.get(object) ?? { file: '', line: 0 };
            notes.push({
                ...origin,
                reason: `generated ${object.kind} ${object.metadata.name} is invalid and was dropped: ${problems.join('; ')}`,
            });
        }
    }
    return kept;
}
/**
 * The Istio objects the cluster needs for its DynaKubes: the operator-shaped ServiceEntries / VirtualServices
 * for the Dynatrace endpoints, registry ServiceEntries, and a PERMISSIVE PeerAuthentication for ActiveGates.
 * Never throws for bad input or API trouble: what cannot be generated becomes a note.
 */
async function generateManifests(model, options = {}) {
    const all = options.scope === 'all';
    const restricted = all || egressRestricted(model);
    const notes = [];
    const objects = [];
    const origins = new Map();
    const add = (list, origin) => {
        for (const object of list) {
            objects.push(object);
            origins.set(object, origin);
        }
    };
    const covered = coveredByServiceEntries(model.serviceEntries);
    const source = connectionInfoSource(options.dynatrace);
    const placed = model.dynakubes.map((dynakube) => ({ dynakube, namespace: namespaceOf(model, dynakube) }));
    for (const { dynakube, namespace } of placed) {
        if (!restricted)
            continue;
        if (!all && dynakube.enableIstio.value) {
            // The operator creates these itself; the registry entries must still not repeat its API host entry.
            const apiUrl = dynakube.apiUrl?.value;
            if (apiUrl)
                covered.push(...operatorApiHosts(apiUrl));
            continue;
        }
        const entries = await dynatraceEntries(dynakube, namespace, source, options.dynatrace?.apiUrl);
        add(entries.objects, dynakube.origin);
        notes.push(...entries.notes);
        covered.push(...entries.covered.map(({ host, port }) => ({ host, port })));
    }
    if (restricted) {
        const registries = registryEntries(placed, covered);
        registries.objects.forEach(({ object, origin }) => add([object], origin));
        notes.push(...registries.notes);
    }
    const permissiveDone = new Set();
    for (const { dynakube, namespace } of placed) {
        if (!hasActiveGate(dynakube) || permissiveDone.has(namespace))
            continue;
        if (!all && !activeGateNeedsPermissive(model, dynakube, namespace))
            continue;
        permissiveDone.add(namespace);
        add([activeGatePeerAuthentication(namespace)], dynakube.activeGate?.origin ?? dynakube.origin);
    }
    const kept = await validated(objects, notes, origins);
    return { generated: kept.map(render), notes };
}
function operatorApiHosts(apiUrl) {
    const parsed = parseCommunicationHost(toSecondGenApiUrl(apiUrl));
    return parsed.ok ? [{ host: parsed.value.host, port: parsed.value.port }] : [];
}
/** All manifests of one namespace as one multi-document YAML file, for `--output-dir`. */
function manifestsByFile(generated) {
    const files = new Map();
    for (const manifest of generated) {
        const file = manifest.file ?? `generated/${manifest.namespace}.yaml`;
        const previous = files.get(file);
        files.set(file, previous === undefined ? manifest.yaml : `${previous}---\n${manifest.yaml}`);
    }
    return files;
}
/** Writes one YAML file per target namespace under `outputDir` (e.g. `<dir>/generated/<namespace>.yaml`); returns the paths. */
async function writeGeneratedManifests(outputDir, generated) {
    const written = [];
    for (const [file, yaml] of manifestsByFile(generated)) {
        const target = external_node_path_default().resolve(outputDir, file);
        // Namespaces come from the repository: a name like `../x` must not write outside the output directory.
        if (external_node_path_default().relative(external_node_path_default().resolve(outputDir), target).startsWith('..'))
            continue;
        await writeOutputFile(target, yaml);
        written.push(target);
    }
    return written;
}

;// CONCATENATED MODULE: ./src/config/charts.ts

const CONFIG_FILE_PATHS = ['.github/dynakube-istio-guard.yml', '.github/dynakube-istio-guard.yaml'];
function chartGlobsFromConfig(config) {
    const charts = isRecord(config) ? config.charts : undefined;
    const result = {};
    if (!isRecord(charts))
        return result;
    for (const chart of HELM_CHARTS) {
        const raw = charts[chart];
        const globs = (Array.isArray(raw) ? raw : [raw]).filter((g) => typeof g === 'string' && g !== '');
        if (globs.length > 0)
            result[chart] = globs;
    }
    return result;
}
function isRecord(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

;// CONCATENATED MODULE: ./src/model/argo.ts





function isApplication(resource) {
    return resource.kind === 'Application' && resource.apiVersion.startsWith('argoproj.io/');
}
function sourcesOf(resource) {
    const spec = asRecord(read_getIn(resource.document.value, ['spec'])) ?? {};
    const single = asRecord(spec.source);
    if (single)
        return [{ path: ['spec', 'source'], value: single }];
    return asArray(spec.sources).flatMap((raw, index) => {
        const value = asRecord(raw);
        return value ? [{ path: ['spec', 'sources', index], value }] : [];
    });
}
/**
 * Chart values of an Argo CD Application, one per source whose chart we read. Argo CD's order is
 * valueFiles < values < valuesObject < parameters; `valuesObject` replaces the `values` string when both are set
 * (Argo CD renders one or the other).
 */
function readApplication(resource, context) {
    const sources = sourcesOf(resource);
    const destination = asString(read_getIn(resource.document.value, ['spec', 'destination', 'namespace']));
    const name = `${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
    return sources.flatMap((source) => {
        const chartName = asString(source.value.chart) ?? lastSegment(asString(source.value.path));
        const chart = chartOf(chartName);
        if (!chart)
            return [];
        const via = `Application ${name}${sources.length > 1 ? ` ${source.path.join('.')}` : ''}`;
        const helmPath = [...source.path, 'helm'];
        const layers = [
            ...valueFileLayers(resource, source, sources, context),
            ...inlineLayers(resource, helmPath, via, context),
            ...parameterLayers(resource, helmPath, via),
        ];
        const targetRevision = asString(source.value.targetRevision);
        const isChartRepo = source.value.chart !== undefined;
        return [
            layeredChartValues(chart, layers, {
                via,
                origin: originAt(resource, [...source.path, isChartRepo ? 'chart' : 'path']),
                releaseNamespace: destination,
                chartVersion: isChartRepo || /^v?\d+\.\d+/.test(targetRevision ?? '') ? targetRevision : undefined,
                releaseName: asString(read_getIn(source.value, ['helm', 'releaseName'])) ?? resource.name,
                fallback: { document: resource.document, valuesPath: [...helmPath, 'valuesObject'] },
            }),
        ];
    });
}
function lastSegment(path) {
    return path?.replace(/\/+$/, '').split('/').pop();
}
/** `helm.valueFiles`: `$<ref>/path` into the repository of the `ref` source, or paths beside a chart in this repository. */
function valueFileLayers(resource, source, all, context) {
    const filesPath = [...source.path, 'helm', 'valueFiles'];
    const ignoreMissing = read_asBoolean(read_getIn(source.value, ['helm', 'ignoreMissingValueFiles'])) ?? false;
    return asArray(read_getIn(resource.document.value, filesPath)).flatMap((raw, index) => {
        const entry = asString(raw);
        if (!entry)
            return [];
        const line = resource.document.lineAt([...filesPath, index]) ?? resource.origin.line;
        const skip = (reason) => {
            if (!ignoreMissing)
                context.notEvaluable.push({ file: resource.origin.file, line, reason });
            return [];
        };
        const target = valueFilePath(entry, source, all);
        if (typeof target !== 'string')
            return skip(`valueFiles ${entry}: ${target.reason}`);
        const document = firstDocument(context.repo, target);
        if (!document)
            return skip(`valueFiles ${entry}: ${target} is not a YAML file of this repository`);
        return [documentLayer(document, [], `valueFiles ${target}`)];
    });
}
function valueFilePath(entry, source, all) {
    const ref = /^\$([^/]+)\/(.*)$/.exec(entry);
    if (ref) {
        if (!all.some((s) => asString(s.value.ref) === ref[1]))
            return { reason: `no source has ref ${ref[1]}` };
        return joinPath('', ref[2]) ?? { reason: 'path leaves the repository' };
    }
    if (/^[a-z]+:\/\//i.test(entry))
        return { reason: 'remote values file, not evaluated' };
    const chartDir = asString(source.value.path);
    if (source.value.chart !== undefined || chartDir === undefined)
        return { reason: 'file inside a remote chart, not evaluated' };
    return joinPath(chartDir, entry) ?? { reason: 'path leaves the repository' };
}
/** `helm.values` (a YAML string, parsed with lines of this file) or `helm.valuesObject`, which replaces it. */
function inlineLayers(resource, helmPath, via, context) {
    const document = resource.document;
    if (asRecord(read_getIn(document.value, [...helmPath, 'valuesObject']))) {
        return [documentLayer(document, [...helmPath, 'valuesObject'], `${via} helm.valuesObject`)];
    }
    const raw = read_getIn(document.value, [...helmPath, 'values']);
    if (asRecord(raw))
        return [documentLayer(document, [...helmPath, 'values'], `${via} helm.values`)];
    if (typeof raw !== 'string')
        return [];
    const nested = document.nestedAt([...helmPath, 'values']);
    if (!nested)
        return [];
    context.notEvaluable.push(...nested.problems.map((p) => ({ ...p, reason: `helm.values: ${p.reason}` })));
    const inner = nested.documents[0];
    return inner ? [documentLayer(inner, [], `${via} helm.values`)] : [];
}
/** `helm.parameters[]` as Helm `--set` (`--set-string` with `forceString`). */
function parameterLayers(resource, helmPath, via) {
    const parametersPath = [...helmPath, 'parameters'];
    const values = {};
    const written = [];
    asArray(read_getIn(resource.document.value, parametersPath)).forEach((raw, index) => {
        const parameter = asRecord(raw);
        const name = asString(parameter?.name);
        const value = asString(parameter?.value);
        if (!name || value === undefined)
            return;
        const path = parseSetKey(name);
        setAt(values, path, setValue(value, read_asBoolean(parameter?.forceString) ?? false));
        written.push({ path, index });
    });
    if (written.length === 0)
        return [];
    const locate = (path) => {
        const hit = [...written].reverse().find((w) => startsWith(w.path, path) || startsWith(path, w.path));
        return hit
            ? { ...originAt(resource, [...parametersPath, hit.index, 'value']), path: hit.path.join('.') }
            : undefined;
    };
    return [{ via: `${via} helm.parameters`, values, locate }];
}
function startsWith(path, prefix) {
    return prefix.every((segment, index) => String(path[index]) === String(segment));
}

;// CONCATENATED MODULE: ./src/model/istio-resources.ts



function isIstioKind(resource, kind) {
    const group = apiGroup(resource.apiVersion);
    return resource.kind === kind && (group === 'networking.istio.io' || group === 'security.istio.io');
}
function stringList(value) {
    return asArray(value)
        .map(asString)
        .filter((item) => item !== undefined);
}
function readPeerAuthentication(resource) {
    const spec = asRecord(read_getIn(resource.document.value, ['spec']));
    const selector = asRecord(read_getIn(spec, ['selector', 'matchLabels']));
    const mode = asString(read_getIn(spec, ['mtls', 'mode']));
    const portLevel = {};
    for (const [port, setting] of Object.entries(asRecord(spec?.portLevelMtls) ?? {})) {
        const portMode = asString(asRecord(setting)?.mode);
        if (portMode)
            portLevel[port] = portMode;
    }
    return {
        ...resource,
        ...(selector ? { selector: stringMap(selector) } : {}),
        ...(mode
            ? { mtlsMode: provenance_fact(mode.toUpperCase(), originLaterAt(resource, ['spec', 'mtls', 'mode'])) }
            : {}),
        portLevelMtls: portLevel,
    };
}
function readServiceEntry(resource) {
    const spec = asRecord(read_getIn(resource.document.value, ['spec'])) ?? {};
    const ports = asArray(spec.ports).flatMap((item) => {
        const port = asRecord(item);
        const number = asNumber(port?.number);
        if (number === undefined)
            return [];
        const name = asString(port?.name);
        const protocol = asString(port?.protocol);
        return [{ number, ...(name ? { name } : {}), ...(protocol ? { protocol } : {}) }];
    });
    const resolution = asString(spec.resolution);
    const location = asString(spec.location);
    return {
        ...resource,
        hosts: provenance_fact(stringList(spec.hosts), originLaterAt(resource, ['spec', 'hosts'])),
        ports,
        ...(resolution ? { resolution } : {}),
        ...(location ? { location } : {}),
        ...(spec.exportTo !== undefined ? { exportTo: stringList(spec.exportTo) } : {}),
        ...(spec.addresses !== undefined ? { addresses: stringList(spec.addresses) } : {}),
        endpoints: asArray(spec.endpoints),
    };
}
function readVirtualService(resource) {
    const spec = asRecord(read_getIn(resource.document.value, ['spec'])) ?? {};
    return {
        ...resource,
        hosts: stringList(spec.hosts),
        ...(spec.exportTo !== undefined ? { exportTo: stringList(spec.exportTo) } : {}),
    };
}
function readSidecar(resource) {
    const spec = asRecord(read_getIn(resource.document.value, ['spec'])) ?? {};
    const selector = asRecord(read_getIn(spec, ['workloadSelector', 'labels']));
    const policy = asRecord(spec.outboundTrafficPolicy);
    // A present `outboundTrafficPolicy` without `mode` is REGISTRY_ONLY: it is the protobuf enum's zero value.
    const mode = policy ? (asString(policy.mode)?.toUpperCase() ?? 'REGISTRY_ONLY') : undefined;
    const modePath = policy?.mode !== undefined
        ? ['spec', 'outboundTrafficPolicy', 'mode']
        : ['spec', 'outboundTrafficPolicy'];
    return {
        ...resource,
        ...(selector ? { workloadSelector: stringMap(selector) } : {}),
        ...(mode ? { outboundPolicy: provenance_fact(mode, originAt(resource, modePath)) } : {}),
        egressHosts: asArray(spec.egress).flatMap((item) => stringList(asRecord(item)?.hosts)),
    };
}

;// CONCATENATED MODULE: ./src/model/mesh-install.ts





/** Reads mesh-wide settings from a MeshConfig object found at `meshPath`. */
function readMeshConfig(meshConfig, locate, via, origin) {
    const source = { via, origin };
    const policy = asRecord(meshConfig.outboundTrafficPolicy);
    if (policy) {
        // `outboundTrafficPolicy` without `mode` is REGISTRY_ONLY (the protobuf enum's zero value).
        const mode = asString(policy.mode)?.toUpperCase() ?? 'REGISTRY_ONLY';
        source.outboundPolicy = provenance_fact(mode, locate(policy.mode !== undefined ? ['outboundTrafficPolicy', 'mode'] : ['outboundTrafficPolicy']));
    }
    const root = asString(meshConfig.rootNamespace);
    if (root)
        source.rootNamespace = provenance_fact(root, locate(['rootNamespace']));
    if (meshConfig.defaultServiceExportTo !== undefined) {
        const exportTo = asArray(meshConfig.defaultServiceExportTo)
            .map(asString)
            .filter((v) => !!v);
        source.defaultServiceExportTo = provenance_fact(exportTo, locate(['defaultServiceExportTo']));
    }
    if (meshConfig.discoverySelectors !== undefined) {
        const selectors = asArray(meshConfig.discoverySelectors)
            .map(toSelector)
            .filter((s) => s !== undefined);
        source.discoverySelectors = provenance_fact(selectors, locate(['discoverySelectors']));
    }
    return source;
}
function isMeshConfigMap(resource) {
    return resource.kind === 'ConfigMap' && resource.apiVersion === 'v1' && /^istio(-.+)?$/.test(resource.name);
}
/** The `istio` / `istio-<rev>` ConfigMap keeps the mesh config as a YAML string under `data.mesh`. */
function readMeshConfigMap(resource) {
    const nested = resource.document.nestedAt(['data', 'mesh']);
    const line = resource.document.lineAt(['data', 'mesh']) ?? resource.origin.line;
    if (!nested)
        return { line };
    if (nested.problems.length > 0)
        return { line: nested.problems[0].line, problem: `mesh config: ${nested.problems[0].reason}` };
    const document = nested.documents[0];
    const mesh = asRecord(document?.value) ?? {};
    const file = fileAt(resource.document, ['data', 'mesh']);
    const locate = (path) => ({
        file,
        line: document?.lineAt(path) ?? line,
        path: `data.mesh:${path.join('.')}`,
    });
    const via = `ConfigMap ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
    return { source: readMeshConfig(mesh, locate, via, resource.origin), line };
}
/** istiod chart values: mesh config, pilot env (`pilot.*` wins over the flat 1.24+ keys), CNI-in-use flag. */
function readIstiodValues(values) {
    const at = (path) => helm_valuesOrigin(values, path);
    const meshConfig = asRecord(values.values.meshConfig);
    const mesh = meshConfig
        ? readMeshConfig(meshConfig, (p) => at(['meshConfig', ...p]), values.via, values.origin)
        : undefined;
    const env = {};
    for (const prefix of [['env'], ['pilot', 'env']]) {
        for (const [key, raw] of Object.entries(asRecord(read_getIn(values.values, prefix)) ?? {})) {
            const text = asString(raw);
            if (text !== undefined)
                env[key] = provenance_fact(text, at([...prefix, key]));
        }
    }
    const envPrefix = read_getIn(values.values, ['pilot', 'env']) !== undefined || read_getIn(values.values, ['env']) === undefined
        ? ['pilot', 'env']
        : ['env'];
    const cniInUse = istiodCniFlag(values, at);
    const namespace = values.releaseNamespace;
    const pilot = {
        env,
        envTarget: { document: values.document, path: [...values.valuesPath, ...envPrefix] },
        via: values.via,
        ...optionalFact('version', values.chartVersion, values.origin),
        ...optionalFact('compatibilityVersion', asString(values.values.compatibilityVersion) ??
            asString(read_getIn(values.values, ['global', 'compatibilityVersion'])), at(values.values.compatibilityVersion !== undefined
            ? ['compatibilityVersion']
            : ['global', 'compatibilityVersion'])),
        ...optionalFact('profile', asString(values.values.profile) ?? asString(read_getIn(values.values, ['global', 'profile'])), at(values.values.profile !== undefined ? ['profile'] : ['global', 'profile'])),
        ...optionalFact('revision', asString(values.values.revision) || undefined, at(['revision'])),
        ...optionalFact('platform', asString(values.values.platform) ?? asString(read_getIn(values.values, ['global', 'platform'])), at(values.values.platform !== undefined ? ['platform'] : ['global', 'platform'])),
        namespace: provenance_fact(namespace ?? 'istio-system', values.origin, !namespace),
        ...(cniInUse ? { cniEnabled: cniInUse } : {}),
    };
    return { ...(mesh ? { mesh } : {}), pilot, ...(cniInUse ? { cniInUse } : {}) };
}
/**
 * Whether istiod is told the CNI agent is in use. 1.24+ reads only `pilot.cni.enabled` (the flat `cni.enabled` is
 * copied there, `pilot.*` winning); 1.22–1.23 also `istio_cni.enabled`, which older charts used alone.
 */
function istiodCniFlag(values, at) {
    for (const prefix of [['pilot', 'cni'], ['cni']]) {
        const enabled = read_asBoolean(read_getIn(values.values, [...prefix, 'enabled']));
        if (enabled !== undefined)
            return provenance_fact(enabled, at([...prefix, 'enabled']));
    }
    const legacy = read_asBoolean(read_getIn(values.values, ['istio_cni', 'enabled']));
    const minor = /^v?1\.(\d+)/.exec(values.chartVersion ?? '');
    if (legacy !== undefined && (!minor || Number(minor[1]) < 24))
        return provenance_fact(legacy, at(['istio_cni', 'enabled']));
    return undefined;
}
function optionalFact(key, value, origin) {
    return value === undefined ? {} : { [key]: provenance_fact(value, origin) };
}
/**
 * The cni chart. Up to 1.20 its values sit under `cni:`; from 1.24 they are flat, and the chart still copies
 * `cni.*` over the flat keys, so `cni.*` wins wherever both are set.
 */
function readCniValues(values) {
    const legacyMap = asRecord(values.values.cni);
    const hasLegacy = read_getIn(values.values, ['cni', 'podAnnotations']) !== undefined;
    const hasFlat = values.values.podAnnotations !== undefined;
    const annotationsPath = hasLegacy || (!hasFlat && legacyMap) ? ['cni', 'podAnnotations'] : ['podAnnotations'];
    const pick = (key) => {
        const legacy = read_getIn(values.values, ['cni', ...key]);
        if (legacy !== undefined)
            return { value: legacy, path: ['cni', ...key] };
        const flat = read_getIn(values.values, key);
        return flat !== undefined ? { value: flat, path: key } : undefined;
    };
    const ambient = pick(['ambient', 'enabled']);
    const ambientEnabled = read_asBoolean(ambient?.value);
    const exclude = pick(['excludeNamespaces']);
    const at = (path) => helm_valuesOrigin(values, path);
    return {
        enabled: provenance_fact(true, values.origin),
        namespace: provenance_fact(values.releaseNamespace ?? 'istio-system', values.origin, !values.releaseNamespace),
        podAnnotations: provenance_fact({ ...stringMap(values.values.podAnnotations), ...stringMap(legacyMap?.podAnnotations) }, at(annotationsPath)),
        annotationsTarget: { document: values.document, path: [...values.valuesPath, ...annotationsPath] },
        via: values.via,
        ...(ambient && ambientEnabled !== undefined ? { ambient: provenance_fact(ambientEnabled, at(ambient.path)) } : {}),
        ...(exclude
            ? {
                excludeNamespaces: provenance_fact(asArray(exclude.value)
                    .map(asString)
                    .filter((v) => !!v), at(exclude.path)),
            }
            : {}),
        ...(values.chartVersion ? { version: provenance_fact(values.chartVersion, values.origin) } : {}),
    };
}
function isIstioOperator(resource) {
    return resource.kind === 'IstioOperator' && resource.apiVersion.startsWith('install.istio.io/');
}
/** IstioOperator: `spec.values.meshConfig` wins over `spec.meshConfig`; `components.cni.enabled` installs CNI. */
function readIstioOperator(resource) {
    const spec = asRecord(read_getIn(resource.document.value, ['spec'])) ?? {};
    const via = `IstioOperator ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
    const at = (path) => originAt(resource, ['spec', ...path]);
    let mesh;
    for (const prefix of [['meshConfig'], ['values', 'meshConfig']]) {
        const meshConfig = asRecord(read_getIn(spec, prefix));
        if (!meshConfig)
            continue;
        const next = readMeshConfig(meshConfig, (p) => at([...prefix, ...p]), via, resource.origin);
        mesh = mesh ? { ...mesh, ...definedOnly(next) } : next;
    }
    // `components.pilot.k8s.env` patches the rendered Deployment, so it wins over `values.pilot.env`.
    const env = {};
    for (const [key, raw] of Object.entries(asRecord(read_getIn(spec, ['values', 'pilot', 'env'])) ?? {})) {
        const text = asString(raw);
        if (text !== undefined)
            env[key] = provenance_fact(text, at(['values', 'pilot', 'env', key]));
    }
    asArray(read_getIn(spec, ['components', 'pilot', 'k8s', 'env'])).forEach((item, index) => {
        const name = asString(asRecord(item)?.name);
        const value = asString(asRecord(item)?.value);
        if (name && value !== undefined)
            env[name] = provenance_fact(value, at(['components', 'pilot', 'k8s', 'env', index]));
    });
    const compatibilityPath = spec.compatibilityVersion !== undefined ? ['compatibilityVersion'] : ['values', 'compatibilityVersion'];
    const profile = asString(spec.profile);
    const cniComponent = iopCniComponent(spec, profile, at);
    const pilotCni = read_asBoolean(read_getIn(spec, ['values', 'pilot', 'cni', 'enabled']));
    const cniInUse = pilotCni !== undefined
        ? provenance_fact(pilotCni, at(['values', 'pilot', 'cni', 'enabled']))
        : cniComponent?.enabled;
    const namespace = asString(spec.namespace) ?? asString(read_getIn(spec, ['values', 'global', 'istioNamespace']));
    const pilot = {
        env,
        envTarget: { document: resource.document, path: ['spec', 'values', 'pilot', 'env'] },
        via,
        ...optionalFact('version', asString(spec.tag) ?? asString(read_getIn(spec, ['values', 'global', 'tag'])), at(spec.tag !== undefined ? ['tag'] : ['values', 'global', 'tag'])),
        ...optionalFact('profile', profile, at(['profile'])),
        ...optionalFact('compatibilityVersion', asString(read_getIn(spec, compatibilityPath)), at(compatibilityPath)),
        ...optionalFact('revision', asString(spec.revision) || undefined, at(['revision'])),
        ...optionalFact('platform', asString(read_getIn(spec, ['values', 'global', 'platform'])), at(['values', 'global', 'platform'])),
        namespace: provenance_fact(namespace ?? 'istio-system', namespace
            ? at(spec.namespace !== undefined ? ['namespace'] : ['values', 'global', 'istioNamespace'])
            : resource.origin, !namespace),
        ...(cniInUse ? { cniEnabled: cniInUse } : {}),
    };
    let cni;
    if (cniComponent) {
        const cniNamespace = asString(read_getIn(spec, ['components', 'cni', 'namespace']));
        const ambient = read_asBoolean(read_getIn(spec, ['values', 'cni', 'ambient', 'enabled'])) ??
            (profile?.includes('ambient') ? true : undefined);
        const exclude = read_getIn(spec, ['values', 'cni', 'excludeNamespaces']);
        cni = {
            enabled: cniComponent.enabled,
            namespace: provenance_fact(cniNamespace ?? 'istio-system', at(['components', 'cni']), !cniNamespace),
            podAnnotations: provenance_fact(stringMap(read_getIn(spec, ['values', 'cni', 'podAnnotations'])), at(['values', 'cni', 'podAnnotations'])),
            annotationsTarget: { document: resource.document, path: ['spec', 'values', 'cni', 'podAnnotations'] },
            via,
            ...(ambient !== undefined
                ? {
                    ambient: provenance_fact(ambient, at(read_getIn(spec, ['values', 'cni', 'ambient', 'enabled']) !== undefined
                        ? ['values', 'cni', 'ambient', 'enabled']
                        : ['profile'])),
                }
                : {}),
            ...(exclude !== undefined
                ? {
                    excludeNamespaces: provenance_fact(asArray(exclude)
                        .map(asString)
                        .filter((v) => !!v), at(['values', 'cni', 'excludeNamespaces'])),
                }
                : {}),
            ...(pilot.version ? { version: pilot.version } : {}),
        };
    }
    return { ...(mesh ? { mesh } : {}), pilot, ...(cni ? { cni } : {}) };
}
/** IstioOperator profiles that install the CNI agent without `components.cni.enabled`. */
const CNI_PROFILES = ['ambient', 'openshift', 'openshift-ambient'];
/** `components.cni.enabled`, or a profile that installs CNI; undefined when the IstioOperator says nothing. */
function iopCniComponent(spec, profile, at) {
    const explicit = read_asBoolean(read_getIn(spec, ['components', 'cni', 'enabled']));
    if (explicit !== undefined)
        return { enabled: provenance_fact(explicit, at(['components', 'cni', 'enabled'])) };
    if (profile && CNI_PROFILES.includes(profile))
        return { enabled: provenance_fact(true, at(['profile'])) };
    return undefined;
}
function definedOnly(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
/** A rendered `istio-cni-node` DaemonSet: CNI is installed in its namespace with its pod annotations. */
function readCniDaemonSet(resource) {
    if (resource.kind !== 'DaemonSet' || resource.name !== 'istio-cni-node')
        return undefined;
    const path = ['spec', 'template', 'metadata', 'annotations'];
    return {
        enabled: provenance_fact(true, resource.origin),
        namespace: provenance_fact(resource.namespace ?? 'istio-system', resource.origin, !resource.namespace),
        podAnnotations: provenance_fact(stringMap(read_getIn(resource.document.value, path)), originAt(resource, path)),
        annotationsTarget: { document: resource.document, path },
        via: `DaemonSet ${resource.namespace ?? ''}/${resource.name}`,
    };
}

;// CONCATENATED MODULE: ./src/model/operator-install.ts



/** The Dynatrace Operator chart: its namespace and the CSI driver (enabled unless `csidriver.enabled: false`). */
function readOperatorValues(values) {
    const csiEnabled = read_asBoolean(read_getIn(values.values, ['csidriver', 'enabled']));
    return {
        namespace: provenance_fact(values.releaseNamespace ?? 'dynatrace', values.origin, !values.releaseNamespace),
        csiDriverEnabled: csiEnabled === undefined
            ? provenance_fact(true, values.origin, true)
            : provenance_fact(csiEnabled, helm_valuesOrigin(values, ['csidriver', 'enabled'])),
        csiDriverLabels: stringMap(read_getIn(values.values, ['csidriver', 'labels'])),
        ...(values.chartVersion ? { version: provenance_fact(values.chartVersion, values.origin) } : {}),
        via: values.via,
    };
}

;// CONCATENATED MODULE: ./src/model/shape.ts


const WORKLOADS = ['Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'];
const ISTIO = ['PeerAuthentication', 'ServiceEntry', 'VirtualService', 'Sidecar', 'IstioOperator'];
const SAIL = ['Istio', 'IstioCNI', 'ZTunnel', 'IstioRevision'];
/** Kinds some reader of the model looks at; other kinds are recorded only, so their shape is not our business. */
const READ_KINDS = new Set([
    'DynaKube',
    'EdgeConnect',
    'Namespace',
    'ConfigMap',
    'HelmRelease',
    'Application',
    ...ISTIO,
    ...SAIL,
    ...WORKLOADS,
]);
const WITH_SPEC = new Set([
    'DynaKube',
    'EdgeConnect',
    'HelmRelease',
    'Application',
    ...ISTIO,
    ...SAIL,
    ...WORKLOADS,
]);
const only = (...kinds) => new Set(kinds);
const FIELDS = [
    { kinds: 'any', path: ['metadata'], expected: 'mapping' },
    { kinds: 'any', path: ['metadata', 'labels'], expected: 'map of strings' },
    { kinds: 'any', path: ['metadata', 'annotations'], expected: 'map of strings' },
    { kinds: WITH_SPEC, path: ['spec'], expected: 'mapping' },
    { kinds: only('DynaKube'), path: ['spec', 'apiUrl'], expected: 'string' },
    { kinds: only('DynaKube'), path: ['spec', 'enableIstio'], expected: 'boolean' },
    { kinds: only('DynaKube'), path: ['spec', 'oneAgent'], expected: 'mapping' },
    { kinds: only('DynaKube'), path: ['spec', 'activeGate'], expected: 'mapping' },
    { kinds: only('DynaKube'), path: ['spec', 'namespaceSelector'], expected: 'mapping' },
    { kinds: only('ServiceEntry'), path: ['spec', 'hosts'], expected: 'list' },
    { kinds: only('ServiceEntry'), path: ['spec', 'ports'], expected: 'list' },
    { kinds: only('PeerAuthentication'), path: ['spec', 'mtls'], expected: 'mapping' },
    { kinds: only('PeerAuthentication'), path: ['spec', 'selector'], expected: 'mapping' },
    { kinds: only('PeerAuthentication'), path: ['spec', 'portLevelMtls'], expected: 'mapping' },
    { kinds: only('VirtualService'), path: ['spec', 'hosts'], expected: 'list' },
    { kinds: only('HelmRelease'), path: ['spec', 'chart'], expected: 'mapping' },
    { kinds: only('HelmRelease'), path: ['spec', 'values'], expected: 'mapping' },
    { kinds: only('HelmRelease'), path: ['spec', 'valuesFrom'], expected: 'list' },
    { kinds: only('Application'), path: ['spec', 'source'], expected: 'mapping' },
    { kinds: only('Application'), path: ['spec', 'sources'], expected: 'list' },
    { kinds: only('IstioOperator', ...SAIL), path: ['spec', 'values'], expected: 'mapping' },
    { kinds: only('IstioOperator'), path: ['spec', 'meshConfig'], expected: 'mapping' },
    { kinds: only('ConfigMap'), path: ['data'], expected: 'mapping' },
];
/** Kubernetes also accepts these spellings for booleans in manifests that pass through Helm. */
const BOOLEAN_WORDS = new Set(['true', 'false', 'yes', 'no', 'on', 'off']);
function matches(value, expected) {
    switch (expected) {
        case 'mapping':
            return asRecord(value) !== undefined;
        case 'list':
            return Array.isArray(value);
        case 'boolean':
            return (typeof value === 'boolean' || (typeof value === 'string' && BOOLEAN_WORDS.has(value.toLowerCase())));
        case 'string':
            return typeof value === 'string' || typeof value === 'number';
        case 'map of strings': {
            const record = asRecord(value);
            return !!record && Object.values(record).every((item) => item === null || typeof item !== 'object');
        }
    }
}
const SHOWN_CHARS = 40;
/** `a list`, `the number 3`, `the string "maybe"` — short, whatever the PR put there. */
function describeValue(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object' && value !== null)
        return 'a mapping';
    if (typeof value === 'string') {
        const shown = value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}…` : value;
        return `the string ${JSON.stringify(shown)}`;
    }
    return `the ${typeof value} ${String(value)}`;
}
function objectName(value) {
    return asString(asRecord(value.metadata)?.name);
}
/** A name as shown in a note: a PR can make it megabytes long. */
function shortName(name) {
    return name.length > SHOWN_CHARS ? `${name.slice(0, SHOWN_CHARS)}…` : name;
}
function fieldNotes(document, kind, label) {
    const notes = [];
    for (const field of FIELDS) {
        if (field.kinds !== 'any' && !field.kinds.has(kind))
            continue;
        const value = read_getIn(document.value, field.path);
        // null is how YAML spells "unset"; the API server treats it so too.
        if (value === undefined || value === null || matches(value, field.expected))
            continue;
        notes.push({
            file: document.file,
            line: document.lineAt(field.path) ?? document.line,
            reason: `${label}: ${field.path.join('.')} is ${describeValue(value)}, not a ${field.expected}; the API server rejects it and the rules cannot read it`,
        });
    }
    return notes;
}
/** Notes for a document of a kind the model reads whose fields have the wrong type, or that has no name. */
function documentNotes(document) {
    const object = asRecord(document.value);
    const kind = asString(object?.kind);
    if (!object || !kind || asString(object.apiVersion) === undefined)
        return [];
    if (kind === 'List')
        return listNotes(document, object.items);
    if (!READ_KINDS.has(kind))
        return [];
    const name = objectName(object);
    const notes = fieldNotes(document, kind, name === undefined ? kind : `${kind} ${shortName(name)}`);
    if (name === undefined)
        notes.push({
            file: document.file,
            line: document.lineAt(['metadata']) ?? document.line,
            reason: `${kind} without metadata.name is not a Kubernetes object and was not read`,
        });
    return notes;
}
/** A `kind: List` is read item by item; items that are not objects are dropped, so say so. */
function listNotes(document, items) {
    if (items === undefined || items === null)
        return [];
    if (!Array.isArray(items))
        return [
            {
                file: document.file,
                line: document.lineAt(['items']) ?? document.line,
                reason: `List: items is ${describeValue(items)}, not a list; nothing in it was read`,
            },
        ];
    return items.flatMap((item, index) => asRecord(item)
        ? documentNotes(subDocument(document, ['items', index], item))
        : [
            {
                file: document.file,
                line: document.lineAt(['items', index]) ?? document.line,
                reason: `List: item ${index} is ${describeValue(item)}, not an object, and was not read`,
            },
        ]);
}
/** Shape notes for every document of the parsed files, including the items of `kind: List` documents. */
function shapeNotes(files) {
    const notes = [];
    // A loop, not flatMap: most files of a big repository keep no document and need not even be looked up.
    for (const file of files)
        if (file.documents.length > 0)
            for (const note of fileNotes(file))
                notes.push(note);
    return notes;
}
/** Notes of each parsed file, once: base and head share the parse of every file a pull request left alone. */
const notesOfFile = new WeakMap();
function fileNotes(file) {
    let notes = notesOfFile.get(file);
    if (!notes)
        notesOfFile.set(file, (notes = file.documents.flatMap(documentNotes)));
    return notes;
}

// EXTERNAL MODULE: ./node_modules/picomatch/index.js
var picomatch = __nccwpck_require__(4006);
var picomatch_default = /*#__PURE__*/__nccwpck_require__.n(picomatch);
;// CONCATENATED MODULE: ./src/model/values-files.ts




/** Keys only the istiod chart has at the top level. */
const ISTIOD_KEYS = [
    'meshConfig',
    'pilot',
    'sidecarInjectorWebhook',
    'istiodRemote',
    'revisionTags',
    'meshNetworks',
];
/** Keys of the cni chart, flat (1.24+) or under the legacy `cni:` map. */
const CNI_KEYS = [
    'cniBinDir',
    'cniConfDir',
    'cniConfFileName',
    'cniNetnsDir',
    'excludeNamespaces',
    'repair',
    'chained',
    'cniPlugin',
];
const OPERATOR_KEYS = ['csidriver', 'installCRD', 'webhook', 'operator', 'activegate', 'oneagent'];
/** Which chart a plain values file is for, from its top-level keys; undefined when unsure. */
function recognizeChart(values) {
    const keys = Object.keys(values);
    if (keys.some((key) => ISTIOD_KEYS.includes(key)))
        return 'istiod';
    const legacyCni = asRecord(values.cni);
    if (keys.some((key) => CNI_KEYS.includes(key)))
        return 'cni';
    if (legacyCni &&
        Object.keys(legacyCni).some((key) => [...CNI_KEYS, 'podAnnotations', 'ambient'].includes(key)))
        return 'cni';
    const operatorKeys = keys.filter((key) => OPERATOR_KEYS.includes(key));
    if (asRecord(values.csidriver) || values.installCRD !== undefined || operatorKeys.length >= 2)
        return 'dynatrace-operator';
    return undefined;
}
/** Maps a path to the chart whose globs in the config match it. */
function chartMatcher(globs) {
    const matchers = HELM_CHARTS.flatMap((chart) => {
        const patterns = globs[chart];
        return patterns && patterns.length > 0 ? [{ chart, matches: picomatch_default()(patterns, { dot: true }) }] : [];
    });
    return (path) => matchers.find((m) => m.matches(path))?.chart;
}
/** Chart values of a plain values file, release unknown unless a reference said so. */
function valuesFileChartValues(chart, document, how) {
    const via = `values file ${document.file} (${how})`;
    return layeredChartValues(chart, [documentLayer(document, [], via)], {
        via,
        origin: { file: document.file, line: document.line },
        fallback: { document, valuesPath: [] },
    });
}

;// CONCATENATED MODULE: ./src/model/workload.ts

const TEMPLATE_PATHS = {
    Deployment: ['spec', 'template'],
    StatefulSet: ['spec', 'template'],
    DaemonSet: ['spec', 'template'],
    ReplicaSet: ['spec', 'template'],
    Job: ['spec', 'template'],
    CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
    Pod: [],
};
function isWorkload(resource) {
    return (resource.kind in TEMPLATE_PATHS &&
        (resource.apiVersion.startsWith('apps/') ||
            resource.apiVersion.startsWith('batch/') ||
            resource.apiVersion === 'v1'));
}
function readWorkload(resource) {
    const templatePath = TEMPLATE_PATHS[resource.kind];
    const template = read_getIn(resource.document.value, templatePath);
    return {
        ...resource,
        podMetadataPath: [...templatePath, 'metadata'],
        podLabels: stringMap(read_getIn(template, ['metadata', 'labels'])),
        podAnnotations: stringMap(read_getIn(template, ['metadata', 'annotations'])),
        hostNetwork: read_asBoolean(read_getIn(template, ['spec', 'hostNetwork'])) ?? false,
    };
}

;// CONCATENATED MODULE: ./src/model/kustomize-patch.ts


/**
 * Strategic merge as kustomize does it for the cases that matter here: maps merge, `null` deletes a key,
 * `$patch: delete` deletes the object, `$patch: replace` replaces a map, lists of objects with `name` merge by
 * name (containers, env), other lists are replaced. Every written value keeps the patch's file and line.
 */
function applyStrategicMerge(target, patch) {
    const patchValue = asRecord(patch.value);
    if (!patchValue)
        return { unsupported: 'the patch is not a mapping' };
    if (patchValue.$patch === 'delete')
        return { deleted: true };
    const sources = [];
    const merged = mergeMap(asRecord(target.value) ?? {}, patchValue, [], patch, sources);
    return { document: overlayDocument(target, merged, sources) };
}
function mergeMap(base, patch, path, patchDocument, sources) {
    if (patch.$patch === 'replace') {
        const { $patch: _ignored, ...rest } = patch;
        sources.push({ path, document: patchDocument, documentPath: path });
        return rest;
    }
    const result = { ...base };
    for (const [key, value] of Object.entries(patch)) {
        if (key === '$patch')
            continue;
        const at = [...path, key];
        if (value === null) {
            delete result[key];
            continue;
        }
        const left = result[key];
        if (asRecord(left) && asRecord(value)) {
            result[key] = mergeMap(asRecord(left), asRecord(value), at, patchDocument, sources);
        }
        else if (Array.isArray(left) && Array.isArray(value) && isNamedList(value)) {
            result[key] = mergeNamedList(left, value, at, patchDocument, sources);
        }
        else {
            result[key] = value;
            sources.push({ path: at, document: patchDocument, documentPath: at });
        }
    }
    return result;
}
function isNamedList(list) {
    return list.length > 0 && list.every((item) => typeof asRecord(item)?.name === 'string');
}
function mergeNamedList(base, patch, path, patchDocument, sources) {
    const result = [...base];
    patch.forEach((item, patchIndex) => {
        const entry = asRecord(item);
        const index = result.findIndex((existing) => asRecord(existing)?.name === entry.name);
        if (entry.$patch === 'delete') {
            if (index >= 0)
                result.splice(index, 1);
            return;
        }
        if (index >= 0) {
            // The merged item keeps its place; lines of what the patch wrote come from the patch's item.
            const itemSources = [];
            result[index] = mergeMap(asRecord(result[index]) ?? {}, entry, [], patchDocument, itemSources);
            for (const source of itemSources) {
                sources.push({
                    path: [...path, index, ...source.path],
                    document: patchDocument,
                    documentPath: [...path, patchIndex, ...source.documentPath],
                });
            }
        }
        else {
            result.push(entry);
            sources.push({
                path: [...path, result.length - 1],
                document: patchDocument,
                documentPath: [...path, patchIndex],
            });
        }
    });
    return result;
}
/** JSON pointer (`/metadata/labels/istio.io~1rev`) to a path. */
function pointerPath(pointer) {
    if (pointer === '' || pointer === '/')
        return [];
    return pointer
        .replace(/^\//, '')
        .split('/')
        .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
/**
 * JSON6902 `add`, `replace` and `remove` (the operations real overlays use on these objects); any other
 * operation makes the whole patch unsupported, so nothing half-applied is evaluated.
 */
function applyJson6902(target, operations) {
    const list = Array.isArray(operations.value) ? operations.value : [];
    const value = structuredClone(target.value);
    const sources = [];
    for (let index = 0; index < list.length; index++) {
        const operation = asRecord(list[index]);
        const op = typeof operation?.op === 'string' ? operation.op : '';
        const path = pointerPath(typeof operation?.path === 'string' ? operation.path : '');
        if (!['add', 'replace', 'remove'].includes(op) || path.length === 0) {
            return { unsupported: `JSON6902 operation ${op || '(none)'} ${String(operation?.path ?? '')}` };
        }
        const parent = containerAt(value, path.slice(0, -1), op === 'add');
        const last = path[path.length - 1];
        if (parent === undefined)
            return { unsupported: `JSON6902 ${op} ${String(operation?.path)}: the parent does not exist` };
        if (op === 'remove') {
            if (Array.isArray(parent) && typeof last === 'number')
                parent.splice(last, 1);
            else
                delete parent[String(last)];
            continue;
        }
        let written = path;
        if (Array.isArray(parent)) {
            const position = last === '-' ? parent.length : Number(last);
            if (op === 'add')
                parent.splice(position, 0, operation.value);
            else
                parent[position] = operation.value;
            written = [...path.slice(0, -1), position];
        }
        else {
            parent[String(last)] = operation.value;
        }
        sources.push({ path: written, document: operations, documentPath: [index, 'value'] });
    }
    return { document: overlayDocument(target, value, sources) };
}
function containerAt(root, path, create) {
    let current = root;
    for (const segment of path) {
        const container = current;
        if (container === null || typeof container !== 'object')
            return undefined;
        if (container[segment] === undefined && create)
            container[segment] = {};
        current = container[segment];
    }
    return current !== null && typeof current === 'object' ? current : undefined;
}

;// CONCATENATED MODULE: ./src/model/kustomize.ts






const KUSTOMIZATION_FILE = /(^|\/)(kustomization\.ya?ml|Kustomization)$/;
function isKustomizationFile(path) {
    return KUSTOMIZATION_FILE.test(path);
}
/** The kustomization documents of the repository (a `kustomization.yaml` has no `metadata.name`, so it is plain). */
function kustomizations(repo) {
    return repo.plainDocuments.filter((document) => isKustomizationFile(document.file) && document.index === 0);
}
/** ConfigMaps made by `configMapGenerator` from files (`files: [key=path]` or `[path]`, key = file name). */
function generatedConfigMaps(kustomization) {
    const dir = dirname(kustomization.file);
    const namespace = asString(asRecord(kustomization.value)?.namespace);
    return asArray(asRecord(kustomization.value)?.configMapGenerator).flatMap((raw, index) => {
        const generator = asRecord(raw);
        const name = asString(generator?.name);
        if (!name)
            return [];
        const files = new Map();
        for (const entry of asArray(generator?.files).map(asString)) {
            if (!entry)
                continue;
            const equals = entry.indexOf('=');
            const key = equals < 0 ? entry.split('/').pop() : entry.slice(0, equals);
            const path = joinPath(dir, equals < 0 ? entry : entry.slice(equals + 1));
            if (path)
                files.set(key, path);
        }
        const ns = asString(generator?.namespace) ?? namespace;
        const line = kustomization.lineAt(['configMapGenerator', index]) ?? kustomization.line;
        return [{ name, ...(ns ? { namespace: ns } : {}), files, origin: { file: kustomization.file, line } }];
    });
}
/** Objects the namespace transformer leaves alone (cluster-scoped); a Namespace gets the namespace as its name. */
const CLUSTER_SCOPED = new Set([
    'CustomResourceDefinition',
    'ClusterRole',
    'ClusterRoleBinding',
    'MutatingWebhookConfiguration',
    'ValidatingWebhookConfiguration',
    'PersistentVolume',
    'StorageClass',
    'PriorityClass',
    'APIService',
    'RuntimeClass',
    'IngressClass',
    'Istio',
    'IstioCNI',
    'IstioRevision',
    'IstioRevisionTag',
    'ZTunnel',
]);
const REMOTE_HOSTS = ['github.com/', 'gitlab.com/', 'bitbucket.org/'];
function isRemote(entry) {
    return ((entry.includes('://') && /^[a-z]+:\/\//i.test(entry)) ||
        REMOTE_HOSTS.some((host) => entry.startsWith(host)) ||
        entry.includes('?ref=') ||
        entry.startsWith('git@'));
}
/** Reads every kustomization: its namespace, the files and folders it lists, and what it cannot follow. */
function kustomizeNodes(repo, notEvaluable) {
    const documents = kustomizations(repo);
    if (!lastNodes || !sameItems(lastNodes.documents, documents) || listsChangedFile(lastNodes, repo.files))
        lastNodes = { documents, files: repo.files, ...readNodes(repo, documents) };
    for (const note of lastNodes.remote)
        notEvaluable.push({ ...note });
    return lastNodes.nodes;
}
/**
 * The nodes of the side read last. The other side of most pull requests has the same kustomization documents (the
 * same parses: base and head share them), and the files it adds or deletes are not listed by any of them, so it has
 * the same nodes: its kustomize trees, the bulk of a model build in a big repository, are then neither read nor
 * walked again. Nodes are never changed once read.
 */
let lastNodes;
function readNodes(repo, documents) {
    const nodes = new Map();
    const remote = [];
    const listed = new Set();
    const dirs = new Set(documents.map((document) => dirname(document.file)));
    for (const document of documents) {
        const listing = listedBy(document);
        const node = { dir: listing.dir, document, files: [], children: [] };
        if (listing.namespace)
            node.namespace = listing.namespace;
        for (const note of listing.remote)
            remote.push(note);
        for (const path of listing.paths) {
            listed.add(path);
            if (dirs.has(path))
                node.children.push(path);
            else if (repo.files.has(path))
                node.files.push(path);
        }
        nodes.set(listing.dir, node);
    }
    return { nodes, remote, listed };
}
function sameItems(a, b) {
    return a.length === b.length && a.every((item, index) => item === b[index]);
}
/** Whether a file that one side has and the other has not is listed by a kustomization. */
function listsChangedFile(read, files) {
    const listedAndMissing = (from, to) => {
        for (const path of from.keys())
            if (!to.has(path) && read.listed.has(path))
                return true;
        return false;
    };
    return read.files !== files && (listedAndMissing(read.files, files) || listedAndMissing(files, read.files));
}
/** Read once per document: base and head share the parse of every kustomization a pull request left alone. */
const listings = new WeakMap();
function listedBy(document) {
    const known = listings.get(document);
    if (known)
        return known;
    const dir = dirname(document.file);
    const value = asRecord(document.value) ?? {};
    const listing = { dir, paths: [], remote: [] };
    const namespace = asString(value.namespace);
    if (namespace)
        listing.namespace = namespace;
    for (const key of ['resources', 'components', 'bases']) {
        asArray(value[key]).forEach((raw, index) => {
            const entry = asString(raw);
            if (!entry)
                return;
            if (isRemote(entry)) {
                listing.remote.push({
                    file: document.file,
                    line: document.lineAt([key, index]) ?? document.line,
                    reason: `remote kustomize base ${entry} is not evaluated`,
                });
                return;
            }
            const path = joinPath(dir, entry);
            if (path !== undefined)
                listing.paths.push(path);
        });
    }
    listings.set(document, listing);
    return listing;
}
/** Kustomizations no other kustomization lists: what `kubectl apply -k` or an entry point builds. */
function rootDirs(nodes, entryPoints) {
    const listed = new Set([...nodes.values()].flatMap((node) => node.children));
    const tops = [...nodes.keys()].filter((dir) => !listed.has(dir)).sort();
    const preferred = entryPoints.filter((dir) => nodes.has(dir));
    return [...new Set([...preferred, ...tops])];
}
/**
 * Visits a kustomization tree depth first, bases before the kustomization that lists them. `ancestors` gives the
 * kustomizations that list the visited one, on demand during the visit.
 */
function walkTree(nodes, root, visit) {
    const stack = new Set();
    const go = (dir, outerNamespace) => {
        const node = nodes.get(dir);
        if (!node || stack.has(dir))
            return;
        stack.add(dir);
        // An outer kustomization's `namespace:` overrides the ones of the bases it lists.
        const namespace = outerNamespace ?? node.namespace;
        for (const child of node.children)
            go(child, namespace);
        // Called during the visit, while `stack` holds the ancestors.
        visit(node, namespace, () => [...stack].filter((other) => other !== dir));
        stack.delete(dir);
    };
    go(root, undefined);
}
/**
 * The files a kustomization builds from: its own and those of every base below it. A base that lists one of
 * `ancestors` (a cycle) does not bring their files back.
 */
function subtreeFiles(nodes, root, ancestors = []) {
    const files = new Set();
    const seen = new Set(ancestors);
    const go = (dir) => {
        const node = nodes.get(dir);
        if (!node || seen.has(dir))
            return;
        seen.add(dir);
        for (const child of node.children)
            go(child);
        for (const file of node.files)
            files.add(file);
    };
    go(root);
    return files;
}
/**
 * Applies what kustomize would do to the objects of the repository, without the binary: the `namespace:`
 * transformer, simple strategic-merge and JSON6902 patches, and `helmCharts` values. Objects reached from
 * several roots take the first root's namespace (entry points first) and the difference is reported.
 */
function applyKustomizations(repo, notEvaluable, nodes, entryPoints = []) {
    const walk = walkOnce(nodes, entryPoints);
    const chartValues = [];
    for (const { node, namespace, ancestors } of walk.transforming) {
        const document = node.document;
        applyPatches(repo, document, () => subtreeFiles(nodes, node.dir, ancestors), notEvaluable);
        chartValues.push(...helmChartValues(repo, document, namespace, notEvaluable));
    }
    for (const conflict of walk.conflicts)
        notEvaluable.push(conflictNote(conflict));
    // Patch files are not objects of the cluster: they only change the objects they target.
    const { unlistedPatchFiles } = walk;
    if (unlistedPatchFiles.size > 0)
        repo.resources = repo.resources.filter((r) => !unlistedPatchFiles.has(r.origin.file));
    for (const resource of repo.resources) {
        const assigned = walk.namespaces.get(resource.origin.file);
        if (!assigned)
            continue;
        if (resource.kind === 'Namespace')
            resource.name = assigned.namespace;
        else if (!CLUSTER_SCOPED.has(resource.kind))
            resource.namespace = assigned.namespace;
    }
    return { chartValues };
}
/** The walk of the nodes walked last, for the other side when its nodes are the same (see {@link lastNodes}). */
let lastWalk;
function walkOnce(nodes, entryPoints) {
    if (lastWalk?.nodes !== nodes || !sameItems(lastWalk.entryPoints, entryPoints))
        lastWalk = { nodes, entryPoints: [...entryPoints], walk: walkKustomizations(nodes, entryPoints) };
    return lastWalk.walk;
}
function walkKustomizations(nodes, entryPoints) {
    const transforming = [];
    const namespaces = new Map();
    const conflicts = new Map();
    const visited = new Set();
    for (const root of rootDirs(nodes, entryPoints)) {
        walkTree(nodes, root, (node, namespace, ancestors) => {
            if (node.document && !visited.has(node.dir)) {
                visited.add(node.dir);
                if (transformsObjects(node.document))
                    transforming.push({ node, namespace, ancestors: ancestors() });
            }
            if (!namespace)
                return;
            for (const file of node.files) {
                const previous = namespaces.get(file);
                if (!previous)
                    namespaces.set(file, { namespace, root });
                else if (previous.namespace !== namespace && previous.root !== root) {
                    // One note per shared folder and pair of overlays, not per file: a base shared by a prod and a staging
                    // overlay is the usual layout, and its files all say the same.
                    const key = `${node.dir}\n${previous.root}\n${previous.namespace}\n${root}\n${namespace}`;
                    const conflict = conflicts.get(key) ?? { node, previous, root, namespace, files: [] };
                    conflicts.set(key, conflict);
                    conflict.files.push(file);
                }
            }
        });
    }
    const patchFiles = [...nodes.values()].flatMap((node) => node.document ? patchFilePaths(node.document) : []);
    const listed = new Set(patchFiles.length > 0 ? [...nodes.values()].flatMap((node) => node.files) : []);
    const unlistedPatchFiles = new Set(patchFiles.filter((file) => !listed.has(file)));
    return { transforming, namespaces, conflicts: [...conflicts.values()], unlistedPatchFiles };
}
/** Keys of a kustomization that change objects or add chart values (most only list resources and a namespace). */
const TRANSFORMING_KEYS = ['patchesStrategicMerge', 'patches', 'patchesJson6902', 'helmCharts'];
function transformsObjects(kustomization) {
    const value = asRecord(kustomization.value);
    return TRANSFORMING_KEYS.some((key) => asArray(value?.[key]).length > 0);
}
function conflictNote({ node, previous, root, namespace, files }) {
    const what = files.length === 1 ? files[0] : `the ${files.length} files of ${node.dir || 'the top folder'}`;
    return {
        file: node.document?.file ?? files[0],
        line: node.document?.line ?? 1,
        reason: `kustomize overlays set different namespaces for ${what} (${previous.root}: ${previous.namespace}, ${root}: ${namespace}); ${previous.namespace} is used`,
    };
}
/** The patches a kustomization lists, each with its parsed content and target. */
function patchSpecs(repo, kustomization) {
    const dir = dirname(kustomization.file);
    const value = asRecord(kustomization.value) ?? {};
    const specs = [];
    const content = (path, inline, file) => {
        if (typeof inline === 'string')
            return kustomization.nestedAt(path)?.documents ?? [];
        const target = typeof file === 'string' ? joinPath(dir, file) : undefined;
        return target ? (repo.files.get(target)?.documents ?? []) : [];
    };
    asArray(value.patchesStrategicMerge).forEach((raw, index) => {
        const text = asString(raw) ?? '';
        const inline = text.includes('\n') || text.includes(':') ? text : undefined;
        const line = kustomization.lineAt(['patchesStrategicMerge', index]) ?? kustomization.line;
        specs.push({
            documents: content(['patchesStrategicMerge', index], inline, inline ? undefined : text),
            line,
        });
    });
    for (const key of ['patches', 'patchesJson6902']) {
        asArray(value[key]).forEach((raw, index) => {
            const entry = asRecord(raw) ?? {};
            const line = kustomization.lineAt([key, index]) ?? kustomization.line;
            const documents = content([key, index, 'patch'], entry.patch, entry.path);
            specs.push({ documents, line, ...(asRecord(entry.target) ? { target: asRecord(entry.target) } : {}) });
        });
    }
    return specs;
}
/** Files that kustomizations use as patches (`path:` entries and `patchesStrategicMerge` file names), once each. */
function patchFilePaths(kustomization) {
    let paths = patchPathsOf.get(kustomization);
    if (!paths)
        patchPathsOf.set(kustomization, (paths = readPatchFilePaths(kustomization)));
    return paths;
}
const patchPathsOf = new WeakMap();
function readPatchFilePaths(kustomization) {
    const dir = dirname(kustomization.file);
    const value = asRecord(kustomization.value) ?? {};
    const names = [
        ...asArray(value.patchesStrategicMerge)
            .map(asString)
            .filter((text) => text && !text.includes('\n') && !text.includes(':')),
        ...[...asArray(value.patches), ...asArray(value.patchesJson6902)].map((entry) => asString(asRecord(entry)?.path)),
    ];
    return names.flatMap((name) => {
        const path = name ? joinPath(dir, name) : undefined;
        return path ? [path] : [];
    });
}
function targetMatches(resource, target) {
    const kind = asString(target.kind);
    const name = asString(target.name);
    const group = asString(target.group);
    if (kind && kind !== resource.kind)
        return false;
    if (group !== undefined && !resource.apiVersion.startsWith(group === '' ? 'v' : `${group}/`))
        return false;
    if (name && !new RegExp(`^(?:${name})$`).test(resource.name))
        return false;
    return true;
}
function applyPatches(repo, kustomization, subtree, notEvaluable) {
    const specs = patchSpecs(repo, kustomization);
    if (specs.length === 0)
        return;
    const files = subtree();
    for (const spec of specs) {
        for (const patch of spec.documents) {
            const isJson6902 = Array.isArray(patch.value);
            const own = asRecord(patch.value);
            const target = spec.target ?? {
                kind: asString(own?.kind),
                name: asString(read_getIn(own, ['metadata', 'name'])),
            };
            if (!asString(target.kind) && !asString(target.name))
                continue;
            repo.resources.forEach((resource, index) => {
                if (!files.has(resource.origin.file) || !targetMatches(resource, target))
                    return;
                const outcome = isJson6902
                    ? applyJson6902(resource.document, patch)
                    : applyStrategicMerge(resource.document, patch);
                const where = { file: kustomization.file, line: spec.line };
                if ('unsupported' in outcome) {
                    notEvaluable.push({
                        ...where,
                        reason: `${resource.kind} ${resource.name} is changed by an overlay, not evaluated (${outcome.unsupported})`,
                    });
                }
                else if ('deleted' in outcome) {
                    repo.resources[index] = { ...resource, kind: `${resource.kind}(deleted)` };
                }
                else {
                    const replaced = readResource(outcome.document, outcome.document.value);
                    if (replaced)
                        repo.resources[index] = { ...replaced, origin: resource.origin };
                }
            });
        }
    }
    repo.resources = repo.resources.filter((resource) => !resource.kind.endsWith('(deleted)'));
}
/** `helmCharts[]`: values from `valuesFile`, then `additionalValuesFiles`, then `valuesInline` (kustomize's order). */
function helmChartValues(repo, kustomization, namespace, notEvaluable) {
    const dir = dirname(kustomization.file);
    return asArray(read_getIn(kustomization.value, ['helmCharts'])).flatMap((raw, index) => {
        const entry = asRecord(raw) ?? {};
        const name = asString(entry.name);
        const chart = chartOf(name);
        if (!chart)
            return [];
        const base = ['helmCharts', index];
        const via = `kustomize helmCharts ${name} (${kustomization.file})`;
        const layers = [];
        const files = [asString(entry.valuesFile), ...asArray(entry.additionalValuesFiles).map(asString)];
        files.forEach((file, fileIndex) => {
            if (!file)
                return;
            const path = joinPath(dir, file);
            const document = path ? firstDocument(repo, path) : undefined;
            const line = kustomization.lineAt(fileIndex === 0 ? [...base, 'valuesFile'] : [...base, 'additionalValuesFiles', fileIndex - 1]) ?? kustomization.line;
            if (document)
                layers.push(documentLayer(document, [], `${via} ${path}`));
            else
                notEvaluable.push({
                    file: kustomization.file,
                    line,
                    reason: `helmCharts ${name} values file ${file} is not a YAML file of this repository`,
                });
        });
        if (asRecord(entry.valuesInline))
            layers.push(documentLayer(kustomization, [...base, 'valuesInline'], `${via} valuesInline`));
        const releaseNamespace = asString(entry.namespace) ?? namespace;
        return [
            layeredChartValues(chart, layers, {
                via,
                origin: {
                    file: kustomization.file,
                    line: kustomization.lineAt([...base, 'name']) ?? kustomization.line,
                },
                ...(releaseNamespace ? { releaseNamespace } : {}),
                ...(asString(entry.version) ? { chartVersion: asString(entry.version) } : {}),
                releaseName: asString(entry.releaseName) ?? name,
                fallback: { document: kustomization, valuesPath: [...base, 'valuesInline'] },
            }),
        ];
    });
}
/** Files under a folder, for a Flux Kustomization whose path has no kustomization.yaml. */
function filesUnder(files, dir) {
    const prefix = dir === '' ? '' : `${dir}/`;
    return [...files.keys()].filter((file) => file.startsWith(prefix)).sort();
}
/** A repository path from an entry point's `./clusters/prod` style path. */
function entryDir(path) {
    return path === undefined ? undefined : normalizePath(path.replace(/^\.\//, ''));
}

;// CONCATENATED MODULE: ./src/model/flux.ts





function isFluxKustomization(resource) {
    return resource.kind === 'Kustomization' && resource.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/');
}
/**
 * Kustomize for the whole repository, with the entry points that choose what is deployed: Flux Kustomizations
 * (`spec.path`, `spec.targetNamespace`, `postBuild` substitutions) and Argo CD Applications (`source.path`).
 */
function applyDeployment(repo, notEvaluable) {
    const fluxes = repo.resources.filter(isFluxKustomization);
    const known = kustomizeNodes(repo, notEvaluable);
    const extraNodes = [];
    const entryPoints = [];
    const fluxRoots = new Map();
    for (const flux of fluxes) {
        const dir = entryDir(asString(read_getIn(flux.document.value, ['spec', 'path'])) ?? '');
        if (dir === undefined)
            continue;
        const targetNamespace = asString(read_getIn(flux.document.value, ['spec', 'targetNamespace']));
        // Flux builds the folder's kustomization, or one it generates with every file under the folder.
        let root = dir;
        if (!known.has(dir))
            extraNodes.push({
                dir,
                files: filesUnder(repo.files, dir),
                children: [],
                ...(targetNamespace ? { namespace: targetNamespace } : {}),
            });
        else if (targetNamespace) {
            root = `flux:${flux.namespace ?? ''}/${flux.name}`;
            extraNodes.push({ dir: root, namespace: targetNamespace, files: [], children: [dir] });
        }
        entryPoints.push(root);
        fluxRoots.set(flux, root);
    }
    for (const resource of repo.resources) {
        if (resource.kind !== 'Application' || !resource.apiVersion.startsWith('argoproj.io/'))
            continue;
        const sources = [
            read_getIn(resource.document.value, ['spec', 'source']),
            ...asArray(read_getIn(resource.document.value, ['spec', 'sources'])),
        ];
        for (const source of sources) {
            const dir = entryDir(asString(asRecord(source)?.path));
            if (dir !== undefined && asRecord(source)?.chart === undefined)
                entryPoints.push(dir);
        }
    }
    // A folder's own kustomization wins over one Flux would generate; of two Flux ones, the first. Without Flux
    // nodes the nodes are kustomizeNodes' own, so a side with the same ones reuses their walk.
    const nodes = extraNodes.length === 0 ? known : new Map(known);
    for (const node of extraNodes)
        if (!nodes.has(node.dir))
            nodes.set(node.dir, node);
    const outcome = applyKustomizations(repo, notEvaluable, nodes, entryPoints);
    for (const [flux, root] of fluxRoots)
        substitute(repo, flux, subtreeFiles(nodes, root), notEvaluable);
    return outcome.chartValues;
}
const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])([^}]*))?\}/g;
/** `postBuild.substitute` and `substituteFrom` ConfigMaps of the repository; Secrets are not read. */
function variablesOf(repo, flux, notEvaluable) {
    const postBuild = asRecord(read_getIn(flux.document.value, ['spec', 'postBuild']));
    if (!postBuild)
        return undefined;
    const variables = new Map();
    asArray(postBuild.substituteFrom).forEach((raw, index) => {
        const entry = asRecord(raw);
        const kind = asString(entry?.kind) ?? 'ConfigMap';
        const name = asString(entry?.name) ?? '';
        const line = flux.document.lineAt(['spec', 'postBuild', 'substituteFrom', index]) ?? flux.origin.line;
        if (kind !== 'ConfigMap') {
            notEvaluable.push({
                file: flux.origin.file,
                line,
                reason: `substituteFrom ${kind} ${name} is not read: variables from it stay unresolved`,
            });
            return;
        }
        const configMap = findResource(repo, 'ConfigMap', name, flux.namespace);
        if (!configMap) {
            notEvaluable.push({
                file: flux.origin.file,
                line,
                reason: `substituteFrom ConfigMap ${name} is not in the repository`,
            });
            return;
        }
        for (const [key, value] of Object.entries(stringMap(read_getIn(configMap.document.value, ['data']))))
            variables.set(key, value);
    });
    // Inline `substitute` wins over `substituteFrom` (Flux applies it last).
    for (const [key, value] of Object.entries(stringMap(postBuild.substitute)))
        variables.set(key, value);
    return variables;
}
/** `${var}`, `${var:=default}`, `${var:-default}` resolved; unknown variables without a default stay as written. */
function substituteText(text, variables) {
    return text.replace(VARIABLE, (whole, name, operator, fallback) => {
        const value = variables.get(name);
        if (value !== undefined && !(operator?.startsWith(':') && value === ''))
            return value;
        return operator ? (fallback ?? '') : whole;
    });
}
function substituteValue(value, variables) {
    if (typeof value === 'string')
        return value.includes('${') ? substituteText(value, variables) : value;
    if (Array.isArray(value))
        return value.map((item) => substituteValue(item, variables));
    const record = asRecord(value);
    if (!record)
        return value;
    return Object.fromEntries(Object.entries(record).map(([key, item]) => [
        substituteText(key, variables),
        substituteValue(item, variables),
    ]));
}
function substitute(repo, flux, files, notEvaluable) {
    const variables = variablesOf(repo, flux, notEvaluable);
    if (!variables)
        return;
    repo.resources.forEach((resource, index) => {
        if (!files.has(resource.origin.file) || resource === flux)
            return;
        if (resource.annotations['kustomize.toolkit.fluxcd.io/substitute'] === 'disabled')
            return;
        const value = substituteValue(resource.document.value, variables);
        if (JSON.stringify(value) === JSON.stringify(resource.document.value))
            return;
        const document = overlayDocument(resource.document, value, []);
        const replaced = readResource(document, value);
        if (!replaced)
            return;
        // Keep what kustomize decided for name and namespace, with its variables resolved too.
        const namespace = resource.namespace === undefined ? undefined : substituteText(resource.namespace, variables);
        repo.resources[index] = {
            ...replaced,
            name: substituteText(resource.name, variables),
            ...(namespace !== undefined ? { namespace } : {}),
            origin: resource.origin,
        };
    });
}

;// CONCATENATED MODULE: ./src/model/istio-presets.ts



/**
 * The parts of Istio's Helm presets (`manifests/helm-profiles/*.yaml`) that decide something this tool checks.
 * The charts apply them as chart defaults < profile < compatibilityVersion < platform < user values.
 */
const PROFILES = {
    ambient: {
        meshConfig: { defaultConfig: { proxyMetadata: { ISTIO_META_ENABLE_HBONE: 'true' } } },
        global: { variant: 'distroless' },
        pilot: { env: { PILOT_ENABLE_AMBIENT: 'true' } },
        cni: { ambient: { enabled: true } },
    },
};
/** Compatibility profiles up to 1.26 switch native sidecars off (1.27 made them the default). */
function compatibilityPreset(version) {
    const match = /^v?(\d+)\.(\d+)/.exec(version);
    if (!match)
        return undefined;
    const [major, minor] = [Number(match[1]), Number(match[2])];
    if (major !== 1 || minor > 26)
        return undefined;
    return { pilot: { env: { ENABLE_NATIVE_SIDECARS: 'false' } } };
}
/** OpenShift runs the CNI agent as a Multus plugin with its own directories. */
const PLATFORMS = {
    openshift: {
        cniBinDir: '/var/lib/cni/bin',
        cniConfDir: '/etc/cni/multus/net.d',
        chained: false,
        provider: 'multus',
        pilot: { cni: { provider: 'multus' } },
    },
};
/** A setting that selects a preset: at the top level, or under `global.` (both are accepted by the charts). */
function setting(values, key) {
    const top = asString(values[key]);
    if (top)
        return { value: top, path: [key] };
    const global = asString(asRecord(values.global)?.[key]);
    return global ? { value: global, path: ['global', key] } : undefined;
}
/** Chart values with the presets their `profile`, `compatibilityVersion` and `platform` select, under the user's. */
function withIstioPresets(values) {
    if (!['istiod', 'cni', 'ztunnel', 'gateway', 'base'].includes(values.chart))
        return values;
    const presets = [];
    const add = (key, preset) => {
        const chosen = setting(values.values, key);
        if (!chosen || !preset)
            return;
        const origin = helm_valuesOrigin(values, chosen.path);
        presets.push({
            via: `${key} ${chosen.value} preset`,
            values: preset,
            preset: true,
            locate: (path) => read_getIn(preset, path) === undefined
                ? undefined
                : { ...origin, path: `${chosen.path.join('.')}=${chosen.value}: ${path.join('.')}` },
        });
    };
    const profile = setting(values.values, 'profile')?.value;
    add('profile', profile ? PROFILES[profile] : undefined);
    const compatibility = setting(values.values, 'compatibilityVersion')?.value;
    add('compatibilityVersion', compatibility ? compatibilityPreset(compatibility) : undefined);
    const platform = setting(values.values, 'platform')?.value;
    add('platform', platform ? PLATFORMS[platform] : undefined);
    if (presets.length === 0)
        return values;
    const userLayers = values.layers ?? [documentLayer(values.document, values.valuesPath, values.via)];
    const layers = [...presets, ...userLayers];
    return { ...values, layers, values: mergeLayers(layers) };
}

;// CONCATENATED MODULE: ./src/model/placeholders.ts

/** Values that are filled in at deploy time: the text in the repository is not what the cluster gets. */
const PLACEHOLDERS = [
    { pattern: /\{\{[^}]*\}\}/, kind: 'a Helm/Go template' },
    { pattern: /\$\{ARGOCD_ENV_[A-Za-z0-9_]+\}/, kind: 'an Argo CD plugin variable' },
    { pattern: /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?[-=+?][^}]*)?\}/, kind: 'a substitution variable' },
    { pattern: /<path:[^>]+>/, kind: 'an argocd-vault-plugin placeholder' },
    { pattern: /\b[A-Z][A-Z0-9_]*_(?:PLACEHOLDER|TOREPLACE)\b/, kind: 'a placeholder token' },
    { pattern: /\bpatch-me\S*/, kind: 'a placeholder an overlay replaces' },
];
/** What kind of placeholder `text` holds, with the placeholder itself; undefined for a literal value. */
function placeholderIn(text) {
    for (const { pattern, kind } of PLACEHOLDERS) {
        const found = pattern.exec(text);
        if (found)
            return { match: found[0], kind };
    }
    return undefined;
}
const MAX_DEPTH = 40;
const MAX_REPORTS_PER_SCAN = 50;
/**
 * Reports every string under `path` in `document` that is a placeholder, each at its own line. Keys are checked
 * too (`${NAME}: x`). The walk is bounded so a huge document costs little.
 */
function scanPlaceholders(document, path, value, where) {
    const found = [];
    const visit = (node, at, depth) => {
        if (found.length >= MAX_REPORTS_PER_SCAN || depth > MAX_DEPTH)
            return;
        if (typeof node === 'string') {
            const placeholder = placeholderIn(node);
            if (placeholder)
                found.push(report(document, at, where, placeholder));
            return;
        }
        if (Array.isArray(node)) {
            node.forEach((item, index) => visit(item, [...at, index], depth + 1));
            return;
        }
        const record = asRecord(node);
        if (!record)
            return;
        for (const [key, item] of Object.entries(record)) {
            const keyPlaceholder = placeholderIn(key);
            if (keyPlaceholder)
                found.push(report(document, [...at, key], where, keyPlaceholder));
            visit(item, [...at, key], depth + 1);
        }
    };
    visit(value, path, 0);
    return found;
}
function report(document, path, where, placeholder) {
    return {
        file: document.file,
        line: document.lineAt(path) ?? document.line,
        reason: `${where} ${path.join('.')}: ${placeholder.match} is ${placeholder.kind}, filled in at deploy time; not evaluated`,
    };
}
/** The fields of each kind that a rule reads; placeholders elsewhere (image tags, resources) do not matter. */
const RELEVANT_PATHS = {
    DynaKube: [
        ['metadata', 'name'],
        ['metadata', 'namespace'],
        ['metadata', 'annotations'],
        ['spec', 'apiUrl'],
        ['spec', 'enableIstio'],
        ['spec', 'networkZone'],
        ['spec', 'namespaceSelector'],
        ['spec', 'oneAgent'],
        ['spec', 'activeGate'],
    ],
    Namespace: [['metadata']],
    PeerAuthentication: [['metadata', 'namespace'], ['spec']],
    ServiceEntry: [['metadata', 'namespace'], ['spec']],
    VirtualService: [
        ['metadata', 'namespace'],
        ['spec', 'hosts'],
        ['spec', 'exportTo'],
    ],
    Sidecar: [['metadata', 'namespace'], ['spec']],
    HelmRelease: [
        ['metadata', 'namespace'],
        ['spec', 'chart'],
        ['spec', 'chartRef'],
        ['spec', 'targetNamespace'],
    ],
    Application: [
        ['spec', 'destination', 'namespace'],
        ['spec', 'source', 'chart'],
        ['spec', 'source', 'targetRevision'],
        ['spec', 'sources'],
    ],
    IstioOperator: [
        ['spec', 'profile'],
        ['spec', 'tag'],
        ['spec', 'revision'],
        ['spec', 'meshConfig'],
        ['spec', 'components', 'cni'],
        ['spec', 'components', 'pilot', 'k8s', 'env'],
        ['spec', 'values', 'meshConfig'],
        ['spec', 'values', 'pilot'],
        ['spec', 'values', 'cni'],
        ['spec', 'values', 'compatibilityVersion'],
    ],
    Istio: [
        ['spec', 'version'],
        ['spec', 'namespace'],
        ['spec', 'profile'],
    ],
    IstioCNI: [
        ['spec', 'version'],
        ['spec', 'namespace'],
        ['spec', 'profile'],
    ],
    ConfigMap: [['data', 'mesh']],
};
/** Chart values a rule reads (the same for every chart: keys of other charts are simply absent). */
const RELEVANT_VALUES = [
    ['meshConfig'],
    ['pilot', 'env'],
    ['pilot', 'cni'],
    ['env'],
    ['cni'],
    ['istio_cni'],
    ['podAnnotations'],
    ['ambient'],
    ['excludeNamespaces'],
    ['profile'],
    ['compatibilityVersion'],
    ['revision'],
    ['platform'],
    ['global', 'profile'],
    ['global', 'platform'],
    ['global', 'istioNamespace'],
    ['csidriver'],
];

;// CONCATENATED MODULE: ./src/model/sail.ts





/** Sail operator kinds (OpenShift Service Mesh 3 and upstream Sail) and the chart each one installs. */
const SAIL_KINDS = {
    Istio: { chart: 'istiod', namespace: 'istio-system' },
    IstioRevision: { chart: 'istiod', namespace: 'istio-system' },
    IstioCNI: { chart: 'cni', namespace: 'istio-cni' },
    ZTunnel: { chart: 'ztunnel', namespace: 'ztunnel' },
};
function isSailResource(resource) {
    const group = apiGroup(resource.apiVersion);
    // Before August 2024 development builds of Sail used `operator.istio.io`.
    return (group === 'sailoperator.io' || group === 'operator.istio.io') && resource.kind in SAIL_KINDS;
}
/**
 * A Sail CR is a Helm install in disguise: `spec.values` are the chart's values, `spec.version` its version,
 * `spec.namespace` the release namespace, `spec.profile` the chart preset.
 */
function readSailResource(resource) {
    const { chart, namespace } = SAIL_KINDS[resource.kind];
    const spec = asRecord(read_getIn(resource.document.value, ['spec'])) ?? {};
    const via = `${resource.kind} ${resource.name}`;
    const layers = [];
    const profile = asString(spec.profile);
    if (profile) {
        layers.push({
            via: `${via} spec.profile`,
            values: { profile },
            locate: () => originAt(resource, ['spec', 'profile']),
        });
    }
    layers.push(documentLayer(resource.document, ['spec', 'values'], `${via} spec.values`));
    const version = asString(spec.version)?.replace(/^v(?=\d)/, '');
    return layeredChartValues(chart, layers, {
        via,
        origin: originAt(resource, spec.version !== undefined ? ['spec', 'version'] : ['spec']),
        releaseNamespace: asString(spec.namespace) ?? namespace,
        chartVersion: version,
        releaseName: resource.name,
        fallback: { document: resource.document, valuesPath: ['spec', 'values'] },
    });
}
/** Sail profiles `openshift*` mean OpenShift Service Mesh. */
function sailDistributionHint(resource) {
    const profile = asString(read_getIn(resource.document.value, ['spec', 'profile']));
    if (!profile?.startsWith('openshift'))
        return undefined;
    return provenance_fact(`${resource.kind} ${resource.name} profile ${profile} (OpenShift Service Mesh)`, originAt(resource, ['spec', 'profile']));
}
function isMaistraControlPlane(resource) {
    return resource.kind === 'ServiceMeshControlPlane' && apiGroup(resource.apiVersion) === 'maistra.io';
}
/** Maistra keeps the egress policy at `spec.proxy.networking.trafficControl.outbound.policy`. */
function readMaistraControlPlane(resource) {
    const spec = asRecord(read_getIn(resource.document.value, ['spec'])) ?? {};
    const via = `ServiceMeshControlPlane ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`;
    const meshConfig = asRecord(spec.meshConfig) ?? {};
    const source = readMeshConfig(meshConfig, (path) => originAt(resource, ['spec', 'meshConfig', ...path]), via, resource.origin);
    const policyPath = ['spec', 'proxy', 'networking', 'trafficControl', 'outbound', 'policy'];
    const policy = asString(read_getIn(resource.document.value, policyPath));
    if (policy)
        source.outboundPolicy = provenance_fact(policy.toUpperCase(), originAt(resource, policyPath));
    // A Maistra control plane is its own root namespace.
    if (!source.rootNamespace && resource.namespace)
        source.rootNamespace = provenance_fact(resource.namespace, resource.origin, true);
    return source;
}
/** A rendered istiod Deployment (`istiod`, `istiod-<rev>`): container `discovery`'s env, image tag, revision. */
function readIstiodDeployment(resource) {
    if (resource.kind !== 'Deployment' || !/^istiod(-.+)?$/.test(resource.name))
        return undefined;
    const containersPath = ['spec', 'template', 'spec', 'containers'];
    const containers = asArray(read_getIn(resource.document.value, containersPath));
    const index = containers.findIndex((c) => asString(asRecord(c)?.name) === 'discovery');
    if (index < 0)
        return undefined;
    const container = asRecord(containers[index]) ?? {};
    const env = {};
    asArray(container.env).forEach((item, envIndex) => {
        const name = asString(asRecord(item)?.name);
        const value = asString(asRecord(item)?.value);
        if (name && value !== undefined)
            env[name] = provenance_fact(value, originAt(resource, [...containersPath, index, 'env', envIndex]));
    });
    const image = asString(container.image);
    const tag = image?.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : undefined;
    const revision = resource.labels['istio.io/rev'];
    return {
        env,
        via: `Deployment ${resource.namespace ? `${resource.namespace}/` : ''}${resource.name}`,
        ...(tag ? { version: provenance_fact(tag, originAt(resource, [...containersPath, index, 'image'])) } : {}),
        ...(revision && revision !== 'default'
            ? { revision: provenance_fact(revision, originAt(resource, ['metadata', 'labels', 'istio.io/rev'])) }
            : {}),
        namespace: provenance_fact(resource.namespace ?? 'istio-system', resource.origin, !resource.namespace),
    };
}

;// CONCATENATED MODULE: ./src/model/build.ts



















/** Builds the model of one side of the repository from its parsed files. */
function buildModel(files, options = {}) {
    const model = emptyModel();
    for (const file of files) {
        model.files.set(file.file, file.text);
        // One by one: a file can have more problems than a spread can pass as arguments.
        for (const problem of file.problems)
            model.notEvaluable.push(problem);
    }
    for (const note of shapeNotes(files))
        model.notEvaluable.push(note);
    const repo = indexRepository(files);
    repo.generatedConfigMaps.push(...kustomizations(repo).flatMap(generatedConfigMaps));
    model.chartValues.push(...applyDeployment(repo, model.notEvaluable));
    const context = { repo, notEvaluable: model.notEvaluable };
    for (const resource of repo.resources)
        addResource(model, resource, context);
    addValuesFiles(model, repo, options.charts ?? chartGlobsOf(repo));
    model.chartValues = model.chartValues.map(withIstioPresets);
    for (const values of model.chartValues)
        addChartValues(model, values);
    reportPlaceholders(model);
    return model;
}
function chartGlobsOf(repo) {
    const path = CONFIG_FILE_PATHS.find((candidate) => repo.files.has(candidate));
    return path ? chartGlobsFromConfig(repo.files.get(path)?.documents[0]?.value) : {};
}
/** Dispatches a resource to the reader of its kind. Kinds no rule reads are only recorded. */
function addResource(model, resource, context) {
    model.resources.push(resource);
    if (isDynaKube(resource))
        model.dynakubes.push(readDynaKube(resource));
    else if (resource.kind === 'Namespace' && resource.apiVersion === 'v1')
        model.namespaces.set(resource.name, resource);
    else if (isIstioKind(resource, 'PeerAuthentication'))
        model.peerAuthentications.push(readPeerAuthentication(resource));
    else if (isIstioKind(resource, 'ServiceEntry'))
        model.serviceEntries.push(readServiceEntry(resource));
    else if (isIstioKind(resource, 'VirtualService'))
        model.virtualServices.push(readVirtualService(resource));
    else if (isIstioKind(resource, 'Sidecar'))
        model.sidecars.push(readSidecar(resource));
    else if (isHelmRelease(resource)) {
        const values = readHelmRelease(resource, context);
        if (values)
            model.chartValues.push(values);
    }
    else if (isApplication(resource)) {
        model.chartValues.push(...readApplication(resource, context));
    }
    else if (isIstioOperator(resource)) {
        const install = readIstioOperator(resource);
        if (install.mesh)
            model.meshConfigs.push(install.mesh);
        model.pilotInstalls.push(install.pilot);
        if (install.cni)
            model.cniInstalls.push(install.cni);
    }
    else if (isMeshConfigMap(resource)) {
        const read = readMeshConfigMap(resource);
        if (read.source)
            model.meshConfigs.push(read.source);
        if (read.problem)
            model.notEvaluable.push({ file: resource.origin.file, line: read.line, reason: read.problem });
    }
    else if (isSailResource(resource)) {
        model.chartValues.push(readSailResource(resource));
        const hint = sailDistributionHint(resource);
        if (hint)
            model.distributionHints.push(hint);
    }
    else if (resource.apiVersion.startsWith('maistra.io/')) {
        if (isMaistraControlPlane(resource))
            model.meshConfigs.push(readMaistraControlPlane(resource));
        model.distributionHints.push(provenance_fact(`${resource.kind} (Maistra / OpenShift Service Mesh)`, resource.origin));
    }
    if (isWorkload(resource)) {
        model.workloads.push(readWorkload(resource));
        const cni = readCniDaemonSet(resource);
        if (cni)
            model.cniInstalls.push(cni);
        const istiod = readIstiodDeployment(resource);
        if (istiod)
            model.pilotInstalls.push(istiod);
    }
}
/** Files that are never values files even without `kind`. */
const NOT_VALUES_FILES = /(^|\/)(kustomization\.ya?ml|Kustomization|Chart\.ya?ml|Chart\.lock)$/;
/**
 * Plain values files not already read through a reference (HelmRelease, Application, kustomize): mapped to their
 * chart by the config's globs, else recognized from their keys.
 */
function addValuesFiles(model, repo, globs) {
    const referenced = new Set(model.chartValues.flatMap((values) => (values.layers ?? []).map((layer) => layer.document?.file)));
    const configured = chartMatcher(globs);
    for (const document of repo.plainDocuments) {
        const file = document.file;
        if (referenced.has(file) || NOT_VALUES_FILES.test(file) || CONFIG_FILE_PATHS.includes(file))
            continue;
        const byConfig = configured(file);
        const chart = byConfig ?? recognizeChart(document.value);
        if (chart)
            model.chartValues.push(valuesFileChartValues(chart, document, byConfig ? 'chart from config' : 'chart recognized from its keys'));
    }
}
function addChartValues(model, values) {
    if (values.chart === 'istiod') {
        const istiod = readIstiodValues(values);
        if (istiod.mesh)
            model.meshConfigs.push(istiod.mesh);
        model.pilotInstalls.push(istiod.pilot);
    }
    else if (values.chart === 'cni') {
        model.cniInstalls.push(readCniValues(values));
    }
    else if (values.chart === 'dynatrace-operator') {
        model.operatorInstalls.push(readOperatorValues(values));
    }
}
/** Values filled in at deploy time (`${VAR}`, `{{ }}`, `<path:…>`, `*_PLACEHOLDER`) in the fields rules read. */
function reportPlaceholders(model) {
    const found = [];
    for (const resource of model.resources) {
        const paths = RELEVANT_PATHS[resource.kind] ?? (isWorkload(resource) ? [podMetadataPath(resource)] : []);
        const where = resourceId(resource);
        for (const path of paths) {
            const value = read_getIn(resource.document.value, path);
            if (value !== undefined)
                found.push(...scanPlaceholders(resource.document, path, value, where));
        }
    }
    for (const values of model.chartValues) {
        for (const layer of values.layers ?? []) {
            if (!layer.document || !layer.valuesPath || layer.preset)
                continue;
            for (const path of RELEVANT_VALUES) {
                const value = read_getIn(layer.values, path);
                if (value !== undefined)
                    found.push(...scanPlaceholders(layer.document, [...layer.valuesPath, ...path], value, `${values.chart} values`));
            }
        }
    }
    const seen = new Set(model.notEvaluable.map(key));
    for (const entry of found) {
        if (seen.has(key(entry)))
            continue;
        seen.add(key(entry));
        model.notEvaluable.push(entry);
    }
}
function key(entry) {
    return `${entry.file}:${entry.line}:${entry.reason}`;
}
function podMetadataPath(resource) {
    return resource.kind === 'CronJob'
        ? ['spec', 'jobTemplate', 'spec', 'template', 'metadata']
        : resource.kind === 'Pod'
            ? ['metadata']
            : ['spec', 'template', 'metadata'];
}

;// CONCATENATED MODULE: ./src/model/note-limit.ts
/**
 * A file can yield thousands of notes (a mapping with 100,000 duplicate keys, a `kind: List` of numbers). The first
 * few say what is wrong; the rest would only bury the other files' notes and blow up the comment.
 */
const MAX_NOTES_PER_FILE = 20;
/** The first `MAX_NOTES_PER_FILE` notes of each file in their order, then one note counting the rest. */
function limitNotesPerFile(notes, limit = MAX_NOTES_PER_FILE) {
    const kept = [];
    const dropped = new Map();
    const counts = new Map();
    for (const note of notes) {
        const count = (counts.get(note.file) ?? 0) + 1;
        counts.set(note.file, count);
        if (count <= limit)
            kept.push(note);
        else {
            const entry = dropped.get(note.file);
            if (entry)
                entry.count++;
            else
                dropped.set(note.file, { first: note, count: 1 });
        }
    }
    for (const [file, { first, count }] of dropped)
        kept.push({ file, line: first.line, reason: `${count} more problem(s) in this file are not listed` });
    return kept;
}

;// CONCATENATED MODULE: ./src/text-lines.ts
/**
 * Offsets where the lines of `text[start, end)` start: `start`, then the offset after each `\n` before `end`. A line
 * break at the very end gives the offset `end`, where no further line of the range starts.
 */
function lineStarts(text, start = 0, end = text.length) {
    const starts = [start];
    for (let at = text.indexOf('\n', start); at >= 0 && at < end; at = text.indexOf('\n', at + 1))
        starts.push(at + 1);
    return starts;
}
/** Whether a UTF-16 code unit is white space as `String.prototype.trim` (and `\s`) sees it. */
function isTrimmedSpace(code) {
    if (code === 0x20 || (code >= 0x09 && code <= 0x0d))
        return true;
    if (code < 0xa0)
        return false;
    return (code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff);
}
/**
 * The indentation step of a text's lines: the smallest positive indent (white space as `trim` sees it) of a line
 * with content, not counting blank lines and comments; undefined when no line is indented. A line is read only up
 * to the smallest indent found so far: deeper ones cannot lower it, and most lines of a manifest are deeper.
 */
function smallestIndent(lines) {
    let step = Infinity;
    for (const line of lines) {
        let indent = 0;
        while (indent < step && indent < line.length && isTrimmedSpace(line.charCodeAt(indent)))
            indent++;
        if (indent === 0 || indent >= step || indent >= line.length)
            continue;
        if (line.charCodeAt(indent) !== 0x23)
            step = indent;
    }
    return step === Infinity ? undefined : step;
}

;// CONCATENATED MODULE: ./src/parse/simple-document.ts


class GiveUp extends Error {
}
/** How many spaces `text` starts with (counted, not matched: most lines are indented, no string is made). */
function leadingSpaces(text) {
    let count = 0;
    while (text.charCodeAt(count) === 0x20)
        count++;
    return count;
}
const trimSpaces = (text) => {
    const trimmed = withoutTrailingSpaces(text);
    const spaces = leadingSpaces(trimmed);
    return spaces === 0 ? trimmed : trimmed.slice(spaces);
};
/** Drops trailing spaces by a loop: a `/ +$/` regex retries every space of a long run and takes quadratic time. */
function withoutTrailingSpaces(text) {
    let end = text.length;
    while (end > 0 && text.charCodeAt(end - 1) === 0x20)
        end--;
    return end === text.length ? text : text.slice(0, end);
}
/** Control characters YAML does not allow in a scalar: the full parser reports them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;
const giveUp = () => {
    throw new GiveUp();
};
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_./-]*$/;
/**
 * Plain scalars read as strings: a letter, `/`, `./`, `../`, `-x` or `--x` first (never an indicator, a number or
 * a YAML 1.1 float such as `.5` or `-.5`), then any visible characters, single spaces between words.
 */
const PLAIN_STRING = /^(?:[A-Za-z_/]|\.\.?\/|--?[A-Za-z])[!-~]*(?: [!-~]+)*$/;
/** Inside flow collections the flow indicators end a plain scalar, so they cannot be part of one. */
const FLOW_PLAIN_END = /[,[\]{}]|: |:$| #/;
/** Kubernetes quantities (`500m`, `1.5Gi`): digits then letters are no YAML 1.1 number; a leading 0 could be hex. */
const QUANTITY = /^(?:[1-9][0-9]*|0(?=\.))(?:\.[0-9]+)?[A-Za-z]+$/;
const PLAIN_INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;
/** Versions with two dots or more (`1.26.4`, `1.0.0-rc.1`): a YAML 1.1 float has one dot at most. */
const DOTTED_VERSION = /^(?:0|[1-9][0-9]*)\.[0-9]+\.[0-9]+(?:[-+.][0-9A-Za-z.+-]+)?$/;
/** YAML 1.1 words that are not strings (booleans, null) in any spelling: left to the full parser. */
const SPECIAL_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null', '~']);
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** The longest of {@link SPECIAL_WORDS}: longer text needs no lower-cased copy to be looked up. */
const LONGEST_SPECIAL_WORD = Math.max(...[...SPECIAL_WORDS].map((word) => word.length));
/**
 * The first characters of {@link SPECIAL_WORDS}: text starting otherwise (most keys and values) needs no lower-cased
 * copy either. Only ASCII letters lower-case to these characters, so the first one is lower-cased by hand.
 */
const SPECIAL_FIRST_CHARACTERS = new Set([...SPECIAL_WORDS].map((word) => word.charCodeAt(0)));
function isSpecialWord(text) {
    if (text.length > LONGEST_SPECIAL_WORD)
        return false;
    const first = text.charCodeAt(0);
    const lowerFirst = first >= 0x41 && first <= 0x5a ? first + 0x20 : first;
    return SPECIAL_FIRST_CHARACTERS.has(lowerFirst) && SPECIAL_WORDS.has(text.toLowerCase());
}
/** Integers, quantities and versions all start with a digit: other text skips their patterns. */
function startsWithDigit(text) {
    const first = text.charCodeAt(0);
    return first >= 0x30 && first <= 0x39;
}
/** Deeper documents are rare in configuration and left to the full parser, which reports them when too deep. */
const simple_document_MAX_DEPTH = 64;
/**
 * Reads the document of `text` that spans `[start, end)` (a `---` line may open it), or undefined when it is not in
 * the subset. Lines and columns are those of `text`; `firstLine` is the 1-based line at `start`, `index` the
 * document's position in the file as `yaml` counts it.
 */
function readSimpleDocument(file, text, start, end, firstLine, index, fullParse) {
    // CR and the YAML 1.1 line breaks NEL, LS and PS change what a line is; `{{` is a template.
    if (/[\r\uFEFF\u0085\u2028\u2029]|\{\{/.test(text.slice(start, end)))
        return undefined;
    try {
        const read = readTree({ text, start, end, firstLine }, false);
        return read && new SimpleDocument(file, index, text, { start, end, firstLine }, read, fullParse);
    }
    catch (error) {
        // Running out of stack is the full parser's to report (as a document nested too deeply), like any give-up.
        if (error instanceof GiveUp || error instanceof RangeError)
            return undefined;
        throw error;
    }
}
/**
 * Reads the document at `span` (throws {@link GiveUp} where the subset ends). Without `keepNodes` only the value is
 * wanted: block collections then keep no map of their entries nor list of their items (the first read of every
 * kept document; most are never asked for a position, and those that are read their nodes again).
 */
function readTree({ text, start, end, firstLine }, keepNodes) {
    const { lines, commentsInside } = contentLines(text, start, end, firstLine);
    if (lines.length === 0 || lines[0].indent !== 0)
        return undefined;
    const reader = new BlockReader(lines, keepNodes);
    const root = reader.mapping(0);
    if (!reader.done())
        return undefined;
    return { root, line: lines[0].number, commentsInside };
}
/** Content lines of the document: blank lines, comment lines and the opening `---` are skipped. */
function contentLines(text, start, end, firstLine) {
    const lines = [];
    let commentsInside = false;
    let offset = start;
    let number = firstLine;
    while (offset < end) {
        const newline = text.indexOf('\n', offset);
        const lineEnd = newline < 0 || newline > end ? end : newline;
        // Only spaces are trimmed: YAML indents and separates with them, other white space is content.
        const raw = withoutTrailingSpaces(text.slice(offset, lineEnd));
        const indent = leadingSpaces(raw);
        const content = raw.slice(indent);
        const isComment = content.startsWith('#');
        // Tabs and backslashes only in comment text: indentation, separation and escapes are the full parser's.
        if (/[\t\\]/.test(isComment ? raw.slice(0, indent) : raw))
            giveUp();
        if (offset === start && raw.startsWith('---')) {
            if (raw !== '---')
                giveUp();
        }
        else if (isComment) {
            commentsInside ||= lines.length > 0;
        }
        else if (content !== '') {
            if (content.startsWith('---') || content.startsWith('...') || content.startsWith('%'))
                giveUp();
            lines.push({ offset, number, indent, content });
        }
        offset = lineEnd + 1;
        number++;
    }
    return { lines, commentsInside };
}
/** Recursive descent over block collections, one content line at a time. */
class BlockReader {
    lines;
    keepNodes;
    index = 0;
    depth = 0;
    constructor(lines, keepNodes) {
        this.lines = lines;
        this.keepNodes = keepNodes;
    }
    done() {
        return this.index >= this.lines.length;
    }
    get current() {
        return this.lines[this.index];
    }
    /** A block mapping whose keys sit at column `indent`. */
    mapping(indent) {
        return this.deeper(() => this.mappingEntries(indent));
    }
    mappingEntries(indent) {
        const value = {};
        const entries = this.keepNodes ? new Map() : undefined;
        const first = this.current;
        let endLine = first.number;
        for (let line = this.current; line && line.indent >= indent; line = this.current) {
            if (line.indent > indent || isItem(line.content))
                giveUp();
            const entry = splitEntry(line.content);
            if (entry.key === undefined || Object.hasOwn(value, entry.key))
                giveUp();
            const keyOffset = line.offset + line.indent;
            this.index++;
            const child = entry.rest === ''
                ? this.valueBelow(indent, line, keyOffset + entry.key.length + 1)
                : this.inline(line, keyOffset + entry.valueColumn, entry.rest);
            value[entry.key] = child.value;
            child.key = keyOffset;
            entries?.set(entry.key, child);
            endLine = child.endLine;
        }
        return { start: first.offset + first.indent, endLine, kind: 'map', flow: false, value, entries };
    }
    /** A block sequence whose `-` sit at column `indent`. */
    sequence(indent) {
        return this.deeper(() => this.sequenceItems(indent));
    }
    /** One level deeper; past {@link MAX_DEPTH} the document is the full parser's. */
    deeper(read) {
        if (++this.depth > simple_document_MAX_DEPTH)
            giveUp();
        const node = read();
        this.depth--;
        return node;
    }
    sequenceItems(indent) {
        const value = [];
        const items = this.keepNodes ? [] : undefined;
        const first = this.current;
        let endLine = first.number;
        for (let line = this.current; line && line.indent >= indent; line = this.current) {
            if (line.indent > indent || !isItem(line.content))
                break;
            const after = line.content.slice(1);
            const content = trimSpaces(after);
            const gap = after.length - content.length;
            if (gap === 0 || content === '' || isItem(content) || content.startsWith('#'))
                giveUp();
            // The item's content is read as a line of its own, at the column where it starts (compact mappings).
            const itemLine = { ...line, indent: line.indent + 1 + gap, content };
            this.lines[this.index] = itemLine;
            let item;
            if (!/^[[{'"]/.test(content) && entryKey(content) !== undefined)
                item = this.mapping(itemLine.indent);
            else {
                this.index++;
                item = inlineValue(withoutComment(content), itemLine.offset + itemLine.indent, itemLine.number);
            }
            value.push(item.value);
            items?.push(item);
            endLine = item.endLine;
        }
        const next = this.current;
        // A deeper line, or a scalar item continued on the next line: the full parser's.
        if (next && next.indent > indent)
            giveUp();
        return { start: first.offset + first.indent, endLine, kind: 'seq', flow: false, value, items };
    }
    /** The value of `key:` with nothing after it: a nested block, a same-column sequence, or null. */
    valueBelow(indent, keyLine, afterColon) {
        const next = this.current;
        if (next && next.indent > indent)
            return isItem(next.content) ? this.sequence(next.indent) : this.mapping(next.indent);
        if (next && next.indent === indent && isItem(next.content))
            return this.sequence(indent);
        return { start: afterColon, endLine: keyLine.number, kind: 'null', flow: false, value: null };
    }
    inline(line, offset, rest) {
        const next = this.current;
        // A deeper line after a scalar is a multi-line scalar or an error: both are the full parser's.
        if (next && next.indent > line.indent)
            giveUp();
        return inlineValue(rest, offset, line.number);
    }
}
function isItem(content) {
    return content === '-' || content.startsWith('- ');
}
/** `key: rest` (rest without its comment, and the column of rest in the content); key undefined if not an entry. */
function splitEntry(content) {
    const key = entryKey(content);
    if (key === undefined)
        return { rest: content, valueColumn: 0 };
    const raw = content.slice(key.length + 1);
    const spaces = leadingSpaces(raw);
    return { key, rest: trimSpaces(withoutComment(raw)), valueColumn: key.length + 1 + spaces };
}
/** The key of a `key: …` or `key:` line; undefined when the line is no entry, a give-up when the key is not plain. */
function entryKey(content) {
    const colon = content.indexOf(':');
    if (colon <= 0)
        return undefined;
    if (colon + 1 < content.length && content.charCodeAt(colon + 1) !== 0x20)
        return undefined;
    const key = content.slice(0, colon);
    if (!isPlainKey(key))
        giveUp();
    return key;
}
/** A key read as the same string by every YAML version, and safe as a property name. */
function isPlainKey(key) {
    return PLAIN_KEY.test(key) && !isSpecialWord(key) && !FORBIDDEN_KEYS.has(key);
}
/** Drops a ` #` comment; quoted text is checked by {@link scalar}, which gives up on a `#` inside quotes. */
function withoutComment(text) {
    const hash = text.indexOf(' #');
    return withoutTrailingSpaces(hash < 0 ? text : text.slice(0, hash));
}
/** A value written on one line at `offset`: a one-line flow collection or a scalar. */
function inlineValue(text, offset, line) {
    if (text[0] !== '{' && text[0] !== '[') {
        const value = scalar(text);
        return { start: offset, endLine: line, kind: value === null ? 'null' : 'scalar', flow: false, value };
    }
    const reader = new FlowReader(text, offset, line);
    const node = reader.value();
    if (!reader.atEnd())
        giveUp();
    return node;
}
/** One-line flow collections (`{ cpu: 100m }`, `[a, b]`), possibly nested. */
class FlowReader {
    text;
    offset;
    line;
    at = 0;
    depth = 0;
    constructor(text, offset, line) {
        this.text = text;
        this.offset = offset;
        this.line = line;
    }
    atEnd() {
        this.skipSpaces();
        return this.at >= this.text.length;
    }
    value() {
        this.skipSpaces();
        const char = this.text[this.at];
        if (char === '{')
            return this.collection('map');
        if (char === '[')
            return this.collection('seq');
        return this.scalar();
    }
    collection(kind) {
        if (++this.depth > simple_document_MAX_DEPTH)
            giveUp();
        const start = this.offset + this.at;
        const close = kind === 'map' ? '}' : ']';
        const entries = new Map();
        const items = [];
        this.at++;
        this.skipSpaces();
        while (this.text[this.at] !== close) {
            if (this.at >= this.text.length)
                giveUp();
            if (kind === 'map') {
                const keyStart = this.at;
                const colon = this.text.indexOf(': ', keyStart);
                const key = colon < 0 ? '' : this.text.slice(keyStart, colon);
                if (!isPlainKey(key) || entries.has(key))
                    giveUp();
                this.at = colon + 2;
                const child = this.value();
                child.key = this.offset + keyStart;
                entries.set(key, child);
            }
            else {
                items.push(this.value());
            }
            this.skipSpaces();
            if (this.text[this.at] === ',') {
                this.at++;
                this.skipSpaces();
                // A trailing comma is valid YAML, but rare enough to leave to the full parser.
                if (this.text[this.at] === close)
                    giveUp();
            }
            else if (this.text[this.at] !== close)
                giveUp();
        }
        this.at++;
        this.depth--;
        const value = kind === 'map'
            ? Object.fromEntries([...entries].map(([key, child]) => [key, child.value]))
            : items.map((item) => item.value);
        return {
            start,
            endLine: this.line,
            kind,
            flow: true,
            value,
            ...(kind === 'map' ? { entries } : { items }),
        };
    }
    scalar() {
        const rest = this.text.slice(this.at);
        const quote = rest[0];
        let length;
        if (quote === "'" || quote === '"')
            length = rest.indexOf(quote, 1) + 1;
        else {
            const stop = rest.search(FLOW_PLAIN_END);
            length = stop < 0 ? rest.length : stop;
            // `a: b` inside a sequence is a one-pair mapping, `a:` a key: the full parser's.
            if (rest[length] === ':')
                giveUp();
        }
        if (length <= 0)
            giveUp();
        const start = this.offset + this.at;
        this.at += length;
        const value = scalar(withoutTrailingSpaces(rest.slice(0, length)));
        return { start, endLine: this.line, kind: value === null ? 'null' : 'scalar', flow: false, value };
    }
    skipSpaces() {
        while (this.text[this.at] === ' ')
            this.at++;
    }
}
/** The value of a scalar in the subset; gives up on anything else. */
function scalar(text) {
    const quote = text[0];
    if (quote === "'" || quote === '"') {
        const inner = text.slice(1, -1);
        if (text.length < 2 || !text.endsWith(quote) || inner.includes(quote) || inner.includes('#'))
            giveUp();
        if (NON_PRINTABLE.test(inner))
            giveUp();
        return inner;
    }
    if (startsWithDigit(text)) {
        if (PLAIN_INTEGER.test(text))
            return Number(text);
        if (QUANTITY.test(text) || DOTTED_VERSION.test(text))
            return text;
    }
    if (text === 'true' || text === 'false')
        return text === 'true';
    if (text === 'null')
        return null;
    if (isSpecialWord(text) || !PLAIN_STRING.test(text) || text.includes(': '))
        giveUp();
    if (text.endsWith(':'))
        giveUp();
    return text;
}
/**
 * The document over its nodes. Ranges and shapes of the root, and of every node when comment lines sit inside the
 * document, come from the `yaml` parse (made on first use): `yaml` counts some comments into its collections.
 * A class, not an object of closures: a big repository keeps thousands of these. The nodes are not kept: most
 * documents are only ever read for their value (a tenth of a big repository's are asked for a line), and thousands
 * of node trees kept alive made every young-generation collection copy them; they are read again on first use.
 */
class SimpleDocument {
    file;
    index;
    text;
    span;
    fullParse;
    value;
    line;
    commentsInside;
    /** The nodes once read again, undefined before. */
    tree;
    /** The `yaml` parse once made (`undefined` when it failed), `null` before. */
    full = null;
    starts;
    constructor(file, index, text, span, read, fullParse) {
        this.file = file;
        this.index = index;
        this.text = text;
        this.span = span;
        this.fullParse = fullParse;
        this.value = read.root.value;
        this.line = read.line;
        this.commentsInside = read.commentsInside;
    }
    /** The document's nodes: the same text read the same way gives the same nodes. */
    get root() {
        return (this.tree ??= readTree({ text: this.text, ...this.span }, true).root);
    }
    lineAt(path) {
        return this.positionAt(path)?.line;
    }
    positionAt(path) {
        const node = simple_document_locate(this.root, path);
        return node === undefined ? undefined : this.positionOf(node.key ?? node.start);
    }
    rangeAt(path) {
        if (this.fromFullParse(path))
            return this.parsed()?.rangeAt(path);
        const node = simple_document_locate(this.root, path);
        if (!node)
            return undefined;
        return { startLine: this.positionOf(node.key ?? node.start).line, endLine: node.endLine };
    }
    describeAt(path) {
        if (this.fromFullParse(path))
            return this.parsed()?.describeAt(path);
        const node = simple_document_locate(this.root, path);
        return node ? this.shapeOf(node) : undefined;
    }
    nestedAt(path) {
        const node = simple_document_locate(this.root, path);
        if (!node || node.kind !== 'scalar' || typeof node.value !== 'string')
            return undefined;
        const header = this.positionOf(node.start);
        return parseYamlText(this.file, node.value, () => header);
    }
    parsed() {
        if (this.full === null)
            this.full = this.fullParse();
        return this.full;
    }
    fromFullParse(path) {
        return this.commentsInside || path.length === 0;
    }
    /** Line and column of an offset inside the document (only the document's own lines are counted). */
    positionOf(offset) {
        // The document's own lines, not the file's: a rendered manifest of a thousand documents would count its every
        // line once per document asked for a position.
        this.starts ??= lineStarts(this.text, this.span.start, this.span.end);
        const index = lastAtOrBefore(this.starts, offset);
        return { line: this.span.firstLine + index, col: offset - this.starts[index] + 1 };
    }
    shapeOf(node) {
        const start = this.positionOf(node.key ?? node.start);
        const firstChild = node.entries?.values().next().value?.key ?? node.items?.[0]?.start;
        const childCol = firstChild === undefined ? undefined : this.positionOf(firstChild).col;
        const flow = (node.kind === 'map' || node.kind === 'seq') && node.flow;
        return {
            kind: node.kind,
            flow,
            start,
            endLine: node.kind === 'null' ? start.line : node.endLine,
            ...(childCol ? { childCol } : {}),
        };
    }
}
/** The node at `path` (its `key` set when a mapping entry leads to it), as the `yaml`-backed document finds it. */
function simple_document_locate(root, path) {
    let node = root;
    for (const segment of path) {
        if (node.entries)
            node = node.entries.get(String(segment));
        else if (node.items && typeof segment === 'number')
            node = node.items[segment];
        else
            return undefined;
        if (!node)
            return undefined;
    }
    return node;
}
/** Index of the last entry of the ascending `starts` that is at or before `offset`. */
function lastAtOrBefore(starts, offset) {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset)
            low = middle;
        else
            high = middle - 1;
    }
    return low;
}

;// CONCATENATED MODULE: ./src/parse/prefilter.ts



/**
 * A cheap text pre-filter run before the position-keeping parse: most documents of a GitOps repository
 * (Services, Roles, most Deployments) cannot matter to any rule, and the `yaml` parse costs far more than reading
 * them. The filter looks only at lines that start in column 0, and keeps a document whenever it is unsure, so it
 * can only save work, never change what the rules see.
 *
 * When the model starts reading a new kind, add it here (or to {@link KEPT_API_GROUPS}): a test scans
 * `src/model` and `src/rules` for kind names and fails when one of them would be dropped.
 */
/** Kinds kept whatever their apiVersion: everything the model reads or follows a reference to. */
const KEPT_KINDS = [
    // Dynatrace
    'DynaKube',
    'EdgeConnect',
    // Core objects the model reads (namespaces for labels; any ConfigMap may be a `valuesFrom` / `substituteFrom`
    // target or the mesh config `istio` / `istio-<rev>`).
    'Namespace',
    'ConfigMap',
    'List',
    // Flux
    'HelmRelease',
    'HelmChart',
    'HelmRepository',
    'OCIRepository',
    'GitRepository',
    'Bucket',
    // Argo CD
    'Application',
    'ApplicationSet',
    'AppProject',
    // Kustomize (kustomize.config.k8s.io and Flux's kustomize.toolkit.fluxcd.io)
    'Kustomization',
    'Component',
    // Istio install: istioctl, Sail operator, Maistra / OpenShift Service Mesh
    'IstioOperator',
    'Istio',
    'IstioCNI',
    'ZTunnel',
    'IstioRevision',
    'IstioRevisionTag',
    'ServiceMeshControlPlane',
    'ServiceMeshMemberRoll',
    'ServiceMeshMember',
    // OLM: an OpenShift Service Mesh operator subscription (operators.coreos.com)
    'Subscription',
    // Managed Istio (Anthos Service Mesh's control-plane revision tells the distribution)
    'ControlPlaneRevision',
    // Istio resources (networking.istio.io, security.istio.io, telemetry.istio.io)
    'ServiceEntry',
    'VirtualService',
    'Sidecar',
    'PeerAuthentication',
    'DestinationRule',
    'Gateway',
    'AuthorizationPolicy',
    'RequestAuthentication',
    'EnvoyFilter',
    'WorkloadEntry',
    'WorkloadGroup',
    'ProxyConfig',
    'Telemetry',
    'WasmPlugin',
];
/** API groups (matched as a suffix of the group) whose objects are always kept, whatever their kind. */
const KEPT_API_GROUPS = [
    'dynatrace.com',
    'istio.io',
    'sailoperator.io',
    'maistra.io',
    'fluxcd.io',
    'argoproj.io',
    'kustomize.config.k8s.io',
];
/** Kinds with a pod template: kept only when their text mentions one of {@link WORKLOAD_MARKERS}. */
const WORKLOAD_KINDS = [
    'Pod',
    'Deployment',
    'StatefulSet',
    'DaemonSet',
    'ReplicaSet',
    'ReplicationController',
    'Job',
    'CronJob',
];
/**
 * What makes a workload matter: annotations and labels `metrics.dynatrace.com/*`, `oneagent.dynatrace.com/*`,
 * `sidecar.istio.io/*`, `istio.io/*`, `prometheus.io/*`, and names or images such as `istio-cni-node`, `istiod`,
 * `dynatrace-*`. A plain substring test, so a mention anywhere (even a comment) keeps the document.
 */
const WORKLOAD_MARKERS = /istio|dynatrace|prometheus/i;
const keptKinds = new Set(KEPT_KINDS);
const keptGroups = new Set(KEPT_API_GROUPS);
const KEPT_GROUP_SUFFIXES = KEPT_API_GROUPS.map((group) => `.${group}`);
const workloadKinds = new Set(WORKLOAD_KINDS);
/** Whether an object of this kind and apiVersion can matter to a rule without looking at its text. */
function isKeptKind(kind, apiVersion = '') {
    if (keptKinds.has(kind) || kind.endsWith('List'))
        return true;
    const slash = apiVersion.indexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    return keptGroups.has(group) || KEPT_GROUP_SUFFIXES.some((suffix) => group.endsWith(suffix));
}
const kindClasses = new Map();
function kindClassOf(kind, apiVersion) {
    let byVersion = kindClasses.get(kind);
    if (!byVersion)
        kindClasses.set(kind, (byVersion = new Map()));
    let known = byVersion.get(apiVersion);
    if (known === undefined)
        byVersion.set(apiVersion, (known = classifyKind(kind, apiVersion)));
    return known;
}
function classifyKind(kind, apiVersion) {
    if (!KIND_VALUE.test(kind) || !API_VERSION_VALUE.test(apiVersion))
        return 'unreadable';
    if (kind === 'ConfigMap' && apiVersion === 'v1')
        return 'configMap';
    if (isKeptKind(kind, apiVersion))
        return 'kept';
    return workloadKinds.has(kind) ? 'workload' : 'other';
}
/** A top-level `kind:` / `apiVersion:` value the filter trusts: plain or simply quoted, no templates. */
const KIND_VALUE = /^[A-Za-z][A-Za-z0-9]*$/;
const API_VERSION_VALUE = /^[A-Za-z0-9][A-Za-z0-9.-]*(\/[A-Za-z0-9.-]+)?$/;
const NAME_VALUE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const INDIRECTION = /<<|(?:^|[\s[{,])[&*!][^\s\]},]/;
const MENTIONS_MESH_OR_DYNATRACE = /istio|dynatrace/i;
/**
 * Per document of a file: what the filter can say from the file alone. `undefined` means: leave the whole file
 * to the parser (directives).
 */
function planDocuments(text) {
    const spans = [];
    let current = newScan(0);
    let offset = 0;
    const close = (end) => spans.push(finish(text, current, end));
    while (offset < text.length) {
        const first = text.charCodeAt(offset);
        if (first === SPACE && current.hasContent && !current.inMetadata) {
            // Indented lines say nothing more once the document has content outside `metadata:`: jump over them.
            offset = runEnd(INDENTED_RUN_END, text, offset);
            continue;
        }
        const childIndent = current.inMetadata ? current.metadataIndent : undefined;
        if (first === SPACE && childIndent !== undefined && text.startsWith(spaces(childIndent + 1), offset)) {
            // Below the children of `metadata:` (labels, annotations): nothing there can be its `name:`.
            offset = runEnd(deeperRunEnd(childIndent), text, offset);
            continue;
        }
        const newline = text.indexOf('\n', offset);
        const lineEnd = newline < 0 ? text.length : newline;
        const next = newline < 0 ? text.length : newline + 1;
        if (first === DASH && isMarker(text, offset, lineEnd, '---')) {
            if (offset > current.start)
                close(offset);
            current = newScan(offset);
            // Content after `---` on the same line (`--- !tag`, `--- {…}`) is not looked into: keep the document.
            if (!isBlankOrComment(text, offset + 3, lineEnd))
                current.unsure = current.hasContent = true;
        }
        else if (first === DOT && isMarker(text, offset, lineEnd, '...')) {
            close(next);
            current = newScan(next);
        }
        else if (!scanLine(text, offset, lineEnd, current)) {
            return undefined;
        }
        offset = next;
    }
    if (text.length > current.start)
        close(text.length);
    return spans;
}
/** The end of a run of indented lines: a newline followed by anything but a space (the next line's start). */
const INDENTED_RUN_END = /\n[^ ]/g;
/** The end of a run of lines indented deeper than `indent`, by indent (few distinct ones occur). */
const DEEPER_RUN_ENDS = [];
function deeperRunEnd(indent) {
    return (DEEPER_RUN_ENDS[indent] ??= new RegExp(`\\n(?! {${indent + 1}})`, 'g'));
}
const SPACES = [];
function spaces(count) {
    return (SPACES[count] ??= ' '.repeat(count));
}
/** The start of the line that ends the run `runEnd` matches from `offset` (the text's end when none does). */
function runEnd(expression, text, offset) {
    expression.lastIndex = offset;
    const found = expression.exec(text);
    return found ? found.index + 1 : text.length;
}
const DASH = 0x2d;
const DOT = 0x2e;
const SPACE = 0x20;
function newScan(start) {
    return { start, hasMetadata: false, hasContent: false, unsure: false, inMetadata: false };
}
function isMarker(text, offset, lineEnd, marker) {
    if (!text.startsWith(marker, offset))
        return false;
    const after = text.charCodeAt(offset + 3);
    return offset + 3 >= lineEnd || after === 0x20 || after === 0x09 || after === 0x0d;
}
/** Whether `text[from, to)` is empty, white space or a comment (white space as `String.prototype.trim` sees it). */
function isBlankOrComment(text, from, to) {
    let at = from;
    while (at < to && isTrimmedSpace(text.charCodeAt(at)))
        at++;
    return at >= to || text.charCodeAt(at) === 0x23;
}
/** Reads one line of a document; returns false when the file must not be filtered at all (directives). */
function scanLine(text, offset, lineEnd, scan) {
    const first = text.charCodeAt(offset);
    if (!scan.hasContent)
        scan.hasContent = !isBlankOrComment(text, offset, lineEnd);
    if (first === SPACE) {
        if (scan.inMetadata)
            readMetadataLine(text, offset, lineEnd, scan);
        return true;
    }
    if (first === 0x25)
        return false; // `%` directive: it applies to later documents; leave the file to the parser
    if (first === 0x0d || first === 0x0a || first === 0x23)
        return true; // blank line or comment
    scan.inMetadata = false;
    if (isLetter(first))
        return readTopLevelKey(text, offset, lineEnd, scan);
    // Quoted or complex keys, flow collections, anchors, aliases, tags, block scalars, tabs and a byte order mark
    // at column 0: the plain key scan could miss or misread a key. `- item` lines belong to a sequence value.
    if (first !== DASH)
        scan.unsure = true;
    return true;
}
function isLetter(code) {
    return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}
function readTopLevelKey(text, offset, lineEnd, scan) {
    // `test`, not `exec`: most documents have a dozen top-level keys and only three matter, so no key is copied.
    TOP_LEVEL_KEY.lastIndex = offset;
    if (!TOP_LEVEL_KEY.test(text)) {
        // `key :`, a plain multi-line scalar or something else the scan does not understand.
        scan.unsure = true;
        return true;
    }
    const valueStart = TOP_LEVEL_KEY.lastIndex;
    const keyLength = valueStart - offset - 1;
    if (isKeyAt(text, offset, keyLength, 'kind'))
        scan.kind = topLevelValue(text.slice(valueStart, lineEnd), scan.kind);
    else if (isKeyAt(text, offset, keyLength, 'apiVersion'))
        scan.apiVersion = topLevelValue(text.slice(valueStart, lineEnd), scan.apiVersion);
    else if (isKeyAt(text, offset, keyLength, 'metadata')) {
        if (scan.hasMetadata || !isBlankOrComment(text, valueStart, lineEnd))
            scan.unsure = true;
        scan.hasMetadata = true;
        // Only a ConfigMap's name is needed: below the `metadata:` of any other kind, lines are jumped over.
        scan.inMetadata = scan.kind === undefined || scan.kind === 'ConfigMap';
    }
    return true;
}
function isKeyAt(text, offset, keyLength, key) {
    return keyLength === key.length && text.startsWith(key, offset);
}
/** A plain key at the scan position, its colon followed by white space or the line's end (not consumed). */
const TOP_LEVEL_KEY = /[A-Za-z_][A-Za-z0-9_.-]*:(?=[ \t\r\n]|$)/y;
/** Finds `name:` among the direct children of `metadata:`. */
function readMetadataLine(text, offset, lineEnd, scan) {
    let indent = 0;
    while (text.charCodeAt(offset + indent) === SPACE)
        indent++;
    const code = text.charCodeAt(offset + indent);
    if (offset + indent >= lineEnd || code === 0x23 || code === 0x0d)
        return;
    scan.metadataIndent ??= indent;
    if (indent !== scan.metadataIndent || !text.startsWith('name:', offset + indent))
        return;
    const value = topLevelValue(text.slice(offset + indent + 5, lineEnd), scan.name);
    scan.name = value;
}
/** The value of a top-level key; a second occurrence (duplicate key) yields '' so the document is kept. */
function topLevelValue(raw, previous) {
    if (previous !== undefined)
        return '';
    let value = raw;
    const hash = value.indexOf('#');
    if (hash >= 0)
        value = value.slice(0, hash); // a `#` inside a plain kind, apiVersion or name is not valid anyway
    value = value.trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote))
        value = value.slice(1, -1);
    return value;
}
function finish(text, scan, end) {
    const span = { start: scan.start, end, hasContent: scan.hasContent, verdict: 'drop' };
    if (!scan.hasContent)
        return span;
    span.verdict = objectVerdict(text, scan, end);
    if (span.verdict === 'configMap')
        span.name = scan.name;
    return span;
}
function objectVerdict(text, scan, end) {
    const { kind, apiVersion } = scan;
    // Not a Kubernetes object by its column-0 keys (values files, lists, JSON, templates): keep.
    if (scan.unsure || !kind || !apiVersion || !scan.hasMetadata)
        return 'keep';
    const kindClass = kindClassOf(kind, apiVersion);
    if (kindClass === 'unreadable' || hasIndirection(text, scan.start, end))
        return 'keep';
    if (kindClass === 'configMap' && scan.name && NAME_VALUE.test(scan.name)) {
        return MENTIONS_MESH_OR_DYNATRACE.test(text.slice(scan.start, end)) ? 'keep' : 'configMap';
    }
    // A ConfigMap without a plain name is kept: the filter cannot tell whether it is referred to.
    if (kindClass === 'kept' || kindClass === 'configMap')
        return 'keep';
    if (kindClass === 'workload' && WORKLOAD_MARKERS.test(text.slice(scan.start, end)))
        return 'keep';
    return 'drop';
}
/** Anchors, aliases, merge keys and tags: they can make a document say more than its lines show. */
function hasIndirection(text, start, end) {
    const body = text.slice(start, end);
    if (!body.includes('&') && !body.includes('*') && !body.includes('!') && !body.includes('<<'))
        return false;
    return INDIRECTION.test(body);
}
/**
 * Decides, for every file of one side (base or head), which documents to parse: per file (in the order given),
 * `undefined` = the whole file, else one flag per span. ConfigMaps are decided here because whether they matter
 * depends on the other files of the side.
 */
function decideDocuments(files) {
    const summaries = files.map(summaryOf);
    const names = sameAsLastNames(configMapNames(summaries));
    const referenced = new Set();
    if (names.size > 0)
        files.forEach((file, index) => {
            const summary = summaries[index];
            // A file left to the parser as a whole keeps every document: all its words count.
            const words = summary
                ? namedBy(file, summary, names)
                : wordsOf(file.text).filter((word) => names.has(word));
            for (const word of words)
                referenced.add(word);
        });
    return summaries.map((summary) => flagsOf(summary, referenced));
}
function configMapNames(summaries) {
    const names = new Set();
    for (const summary of summaries) {
        if (summary?.configMaps.length)
            for (const { name } of summary.configMaps)
                names.add(name);
    }
    return names;
}
/**
 * The names of the side decided last when they are the same (base and head of most pull requests): the words of
 * each file that name one of them are then known already (see {@link namedBy}).
 */
let lastNames = new Set();
function sameAsLastNames(names) {
    const same = names.size === lastNames.size && [...names].every((name) => lastNames.has(name));
    if (!same)
        lastNames = names;
    return lastNames;
}
/** The words of a file's kept documents that are among `names`. */
function namedBy(file, summary, names) {
    if (!summary.keepsAny)
        return [];
    if (summary.named?.names === names)
        return summary.named.words;
    // Most words have no name's length: comparing lengths first spares hashing them.
    const lengths = lengthsOf(names);
    const words = [];
    for (const span of file.spans) {
        if (span.verdict !== 'keep')
            continue;
        for (const word of wordsOf(file.text.slice(span.start, span.end)))
            if (lengths.has(word.length) && names.has(word))
                words.push(word);
    }
    summary.named = { names, words };
    return words;
}
const nameLengths = new WeakMap();
function lengthsOf(names) {
    let lengths = nameLengths.get(names);
    if (!lengths)
        nameLengths.set(names, (lengths = new Set([...names].map((name) => name.length))));
    return lengths;
}
const WORD_SEPARATORS = /[^A-Za-z0-9._-]+/;
/** The summary of a file's plan; undefined for a file the filter leaves to the parser as a whole. */
function summaryOf(file) {
    if (!file.spans || file.summary)
        return file.summary;
    const summary = { flags: [], keepsAny: false, configMaps: [] };
    file.spans.forEach((span, index) => {
        const keep = span.verdict === 'keep';
        summary.flags.push(keep);
        if (keep)
            summary.keepsAny = true;
        else if (span.verdict === 'configMap')
            summary.configMaps.push({ index, name: span.name });
    });
    return (file.summary = summary);
}
function wordsOf(text) {
    return text.split(WORD_SEPARATORS).filter((word) => word !== '');
}
/** Keep flags of a file on one side: its ConfigMaps kept when a kept document of the side names them. */
function flagsOf(summary, referenced) {
    if (!summary || summary.configMaps.length === 0)
        return summary?.flags;
    const flags = [...summary.flags];
    for (const { index, name } of summary.configMaps)
        flags[index] = referenced.has(name);
    return flags;
}
/** Parses the documents of a file that `keep` marks (all of them when `keep` is undefined). */
function parseKept(file, text, spans, keep) {
    if (!spans)
        return parseWithYaml(file, text, spans, keep);
    if (keep && !keep.includes(true))
        return nothingKept(file, text, spans);
    const simple = readSimpleDocuments(file, text, spans, keep);
    if (simple.size === 0)
        return parseWithYaml(file, text, spans, keep);
    const rest = spans.map((span, index) => span.hasContent && !simple.has(index) && (!keep || keep[index]));
    const parsed = parseWithYaml(file, text, spans, rest);
    const documents = [...simple.values(), ...parsed.parsed.documents].sort((a, b) => a.index - b.index);
    return { ...parsed, parsed: { ...parsed.parsed, documents } };
}
/** Most files of a big repository: no document to parse, only the count of documents. */
function nothingKept(file, text, spans) {
    let documents = 0;
    for (const span of spans)
        if (span.hasContent)
            documents++;
    const original = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    return { parsed: { file, text: original, documents: [], problems: [] }, documents, parsedDocuments: 0 };
}
/** Parses the documents `keep` marks with the `yaml` parser (all of them when `keep` is undefined). */
function parseWithYaml(file, text, spans, keep) {
    if (!spans) {
        const parsed = parseYamlText(file, text);
        return { parsed, documents: parsed.documents.length, parsedDocuments: parsed.documents.length };
    }
    const documents = spans.filter((span) => span.hasContent).length;
    if (!keep || spans.every((span, index) => keep[index] || !span.hasContent)) {
        return { parsed: parseYamlText(file, text), documents, parsedDocuments: documents };
    }
    const kept = keep.filter(Boolean).length;
    if (kept === 0)
        return nothingKept(file, text, spans);
    const original = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const masked = spans
        .map((span, index) => (keep[index] ? text.slice(span.start, span.end) : blanked(text, span)))
        .join('');
    return { parsed: { ...parseYamlText(file, masked), text: original }, documents, parsedDocuments: kept };
}
/**
 * The kept documents {@link readSimpleDocument} reads without the `yaml` parser, by span index. Each gets the
 * index `yaml` gives it: spans before it count when they open with `---` or have content (a leading comment block
 * is the first document's prelude). Files with `...` end markers or a byte order mark are left to `yaml`.
 */
function readSimpleDocuments(file, text, spans, keep) {
    const read = new Map();
    if (text.charCodeAt(0) === 0xfeff || (text.includes('...') && END_MARKER.test(text)))
        return read;
    let documentIndex = 0;
    let line = 1;
    let lineCountedTo = 0;
    spans.forEach((span, index) => {
        const isDocument = span.hasContent || text.startsWith('---', span.start);
        if (span.hasContent && (!keep || keep[index])) {
            line += countNewlines(text, lineCountedTo, span.start);
            lineCountedTo = span.start;
            const fullParse = fullParser(file, text, spans, index, documentIndex);
            const document = readSimpleDocument(file, text, span.start, span.end, line, documentIndex, fullParse);
            if (document)
                read.set(index, document);
        }
        if (isDocument)
            documentIndex++;
    });
    return read;
}
/**
 * The `yaml` parse of one document, for a simple document to make on first use. Made out here so that the function
 * holds only what it needs: a closure made inside the loop would keep the file's whole map of documents alive.
 */
function fullParser(file, text, spans, index, yamlIndex) {
    return () => {
        const only = spans.map((_, other) => other === index);
        return parseWithYaml(file, text, spans, only).parsed.documents.find((doc) => doc.index === yamlIndex);
    };
}
const END_MARKER = /^\.\.\.(?:[ \t\r]|$)/m;
function countNewlines(text, from, to) {
    let count = 0;
    for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1))
        count++;
    return count;
}
/**
 * Dropped documents become empty lines (their `---` / `...` markers stay), so the kept documents keep their
 * lines, columns and document indexes.
 */
function blanked(text, span) {
    const lines = text.slice(span.start, span.end).split('\n');
    return lines
        .map((line, index) => {
        if (isMarker(line, 0, line.length, '---') || isMarker(line, 0, line.length, '...'))
            return line;
        // A dropped first document without `---` leaves an explicit empty one, so later indexes do not shift.
        // A dropped leading comment block stays a prelude (blank lines), as it was for the document after it.
        return index === 0 && span.start === 0 && span.hasContent ? '---' : '';
    })
        .join('\n');
}
/** Pre-filters and parses one file on its own (its ConfigMaps kept only when the file itself names them). */
function parseRelevant(file, text) {
    const spans = planDocuments(text);
    const planned = { path: file, text, spans };
    return parseKept(file, text, spans, decideDocuments([planned])[0]);
}

;// CONCATENATED MODULE: ./src/rules/edits.ts


const DEFAULT_INDENT_STEP = 2;
/**
 * The lines of a file of the model, split once per text: a rule with a finding for every workload of a big
 * rendered manifest asks for the same file's lines once per finding. Never changed by a caller.
 */
function fileLines(model, file) {
    const text = model.files.get(file);
    if (text === undefined)
        return undefined;
    let known = linesOfText.get(model.files);
    if (!known)
        linesOfText.set(model.files, (known = new Map()));
    const cached = known.get(file);
    if (cached?.text === text)
        return cached.lines;
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    known.set(file, { text, lines });
    return lines;
}
const linesOfText = new WeakMap();
/** Quotes a string for YAML when it would otherwise read as something else (a boolean, a number, …). */
function yamlString(value) {
    return /^[A-Za-z_./-][\w./-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|~)$/i.test(value)
        ? value
        : JSON.stringify(value);
}
function renderEntries(key, value, indent, step) {
    const pad = ' '.repeat(indent);
    if (typeof value === 'string')
        return [`${pad}${formatKey(key)}: ${value}`];
    return [
        `${pad}${formatKey(key)}:`,
        ...Object.entries(value).flatMap(([k, v]) => renderEntries(k, v, indent + step, step)),
    ];
}
function formatKey(key) {
    return /^[\w./-]+$/.test(key) ? key : JSON.stringify(key);
}
/**
 * The node at `path` in the file that holds it. For a document changed by a kustomize patch the lines and shape
 * come from the patch for the paths it wrote, so the file must be the patch's too. Undefined where the node is
 * absent, or where an overlay's value no longer has what the file shows (a later patch removed it: editing the
 * file would change nothing).
 */
function writtenNode(model, document, path) {
    const shape = document.describeAt(path);
    if (!shape)
        return undefined;
    if (document.fileAt && valueAt(document.value, path) === undefined)
        return undefined;
    const file = document.fileAt?.(path) ?? document.file;
    const lines = fileLines(model, file);
    return lines ? { file, lines, shape } : undefined;
}
/**
 * Sets `path` (relative to `base`) to `value` in the file that holds it, keeping the file's indentation and
 * comments: a scalar already there is replaced on its line (in a kustomize patch's file when a patch wrote it,
 * also the `value:` of a JSON6902 operation); an empty mapping there is filled with a mapping value; missing keys
 * are inserted under their deepest existing parent, in the file that holds that parent. Returns undefined where a
 * safe text edit cannot be made (flow collections, a parent that is not a mapping, a value of another shape already
 * there, a patch that removes the parent).
 */
function setValueEdit(model, document, path, value) {
    const existing = document.describeAt(path);
    if (existing) {
        if (typeof value === 'string') {
            if (existing.kind !== 'scalar' && existing.kind !== 'null')
                return undefined;
            const written = writtenNode(model, document, path);
            return written ? replaceScalarLine(written, value) : undefined;
        }
        const empty = existing.kind === 'null' || (existing.kind === 'map' && existing.childCol === undefined);
        return empty ? insertEntries(model, document, path, Object.entries(value)) : undefined;
    }
    let depth = path.length - 1;
    while (depth >= 0 && !document.describeAt(path.slice(0, depth)))
        depth -= 1;
    if (depth < 0)
        return undefined;
    const missing = path.slice(depth);
    const nested = missing
        .slice(1)
        .reverse()
        .reduce((inner, key) => ({ [String(key)]: inner }), value);
    return insertEntries(model, document, path.slice(0, depth), [[String(missing[0]), nested]]);
}
/** Inserts mapping entries as the last children of the mapping (or empty value) at `parentPath`. */
function insertEntries(model, document, parentPath, entries) {
    const written = writtenNode(model, document, parentPath);
    if (!written)
        return undefined;
    const { file, lines, shape: parent } = written;
    const emptyFlow = parent.flow && parent.childCol === undefined;
    if ((parent.flow && !emptyFlow) || (parent.kind !== 'map' && parent.kind !== 'null'))
        return undefined;
    const step = indentStep(lines);
    const isRoot = parentPath.length === 0;
    // A patch held in a block scalar (an inline kustomize patch) has no column 0 of its own.
    if (isRoot && parent.childCol === undefined && file !== document.file)
        return undefined;
    const indent = parent.childCol !== undefined ? parent.childCol - 1 : isRoot ? 0 : parent.start.col - 1 + step;
    const rendered = entries.flatMap(([key, value]) => renderEntries(key, value, indent, step));
    if (parent.kind !== 'null' && !emptyFlow)
        return { file, startLine: parent.endLine + 1, endLine: parent.endLine, replacement: rendered.join('\n') };
    // An empty value: its key must start its line (not `metadata: {annotations: {}}`).
    const header = lines[parent.start.line - 1] ?? '';
    if (!isRoot && !/^\s*(-\s+)?$/.test(header.slice(0, parent.start.col - 1)))
        return undefined;
    const emptyValue = /:\s*(\{\}|null|~)\s*(#.*)?$/;
    if (emptyValue.test(header)) {
        // `annotations: {}` or `annotations: null`: the empty value is replaced by the new block.
        return {
            file,
            startLine: parent.start.line,
            endLine: parent.start.line,
            replacement: [header.replace(emptyValue, ':'), ...rendered].join('\n'),
        };
    }
    if (emptyFlow)
        return undefined;
    const insertAt = parent.start.line + 1;
    return { file, startLine: insertAt, endLine: insertAt - 1, replacement: rendered.join('\n') };
}
/**
 * Replaces the whole value of the mapping entry at `path` (a block or flow list, a scalar) by `value` written after
 * its key, in the file that holds it. The key stays as it is there: in a JSON6902 operation it is `value:`.
 * Undefined unless the key starts its line (a flow mapping's line holds its siblings too).
 */
function replaceValueEdit(model, document, path, value) {
    const written = writtenNode(model, document, path);
    if (!written)
        return undefined;
    const { file, lines, shape } = written;
    const line = lines[shape.start.line - 1] ?? '';
    if (!ownsLine(line, shape) || /,\s*$/.test((lines[shape.endLine - 1] ?? '').replace(/\s+#.*$/, '')))
        return undefined;
    const keyEnd = line.indexOf(':', shape.start.col - 1);
    if (keyEnd < 0)
        return undefined;
    return {
        file,
        startLine: shape.start.line,
        endLine: shape.endLine,
        replacement: `${line.slice(0, keyEnd + 1)} ${value}`,
    };
}
/**
 * Whether an entry has its line to itself: its key starts the line (after an indent or a `- `), and the line does
 * not go on with flow-collection syntax (`a: 1,`; for a scalar also `a: 1}`), whose siblings would share it.
 */
function ownsLine(line, shape) {
    if (!/^\s*(-\s+)?$/.test(line.slice(0, shape.start.col - 1)))
        return false;
    const code = line.replace(/\s+#.*$/, '');
    return !(shape.kind === 'scalar' || shape.kind === 'null' ? /[,{}[\]]\s*$/ : /,\s*$/).test(code);
}
/** `key: old # note` → `key: new # note`, for a scalar or empty value that sits on its key's line. */
function replaceScalarLine({ file, lines, shape }, value) {
    if (shape.endLine !== shape.start.line)
        return undefined;
    const line = lines[shape.start.line - 1];
    if (line === undefined || !ownsLine(line, shape))
        return undefined;
    const keyEnd = line.indexOf(':', shape.start.col - 1);
    if (keyEnd < 0)
        return undefined;
    const comment = / +#.*$/.exec(line.slice(keyEnd + 1))?.[0] ?? '';
    const replacement = `${line.slice(0, keyEnd + 1)} ${value}${comment}`;
    return { file, startLine: shape.start.line, endLine: shape.start.line, replacement };
}
/**
 * Removes the lines of the mapping entry at `path` (a label, an annotation), in the file that wrote it: a kustomize
 * patch's file when a patch added the entry. Undefined unless the entry starts its own line with its key (not a
 * flow mapping, not the `value:` of a JSON6902 operation, which would break the patch), and where another file
 * writes the entry too (a base, a lower overlay: removing it from one file alone would leave the other's; see
 * `removeEntryEdits`).
 */
function removeEntryEdit(model, document, path) {
    const writers = writersOf(document, path);
    return writers.length === 1 ? removeOwnEntry(model, writers[0], path) : undefined;
}
/**
 * Removes the mapping entry at `path` from every file that writes it: each kustomize patch of a stack of overlays
 * and the base file. Undefined where one of them cannot be removed as whole lines.
 */
function removeEntryEdits(model, document, path) {
    return editEveryWriter(document, path, (writer) => removeOwnEntry(model, writer, path));
}
/**
 * One edit in every file that writes `path` (each patch of a stack of overlays, then the base); undefined when no
 * file writes it or one of them cannot be edited, as changing some of them would leave the value as it is.
 */
function editEveryWriter(document, path, edit) {
    const edits = yaml_writersOf(document, path).map(edit);
    return edits.length > 0 && edits.every((one) => one !== undefined) ? edits : undefined;
}
/** Whether a file other than the top-most writer of `path` writes it too (a base under a kustomize patch). */
function writtenBelow(document, path) {
    return yaml_writersOf(document, path).length > 1;
}
/**
 * Removes the entry's lines in the file of one writer, when the entry's own key (the last segment of `path`, the
 * path in the object) starts its line: the `value:` of a JSON6902 operation does not, and removing it would break
 * the patch. In a strategic-merge patch an emptied map reads as null, which deletes that map from the target: there
 * the parents left empty go too.
 */
function removeOwnEntry(model, writer, path) {
    const written = writtenNode(model, writer.document, writer.path);
    if (!written)
        return undefined;
    const { file, lines, shape } = written;
    if (!startsWithKey(lines[shape.start.line - 1], String(path.at(-1))))
        return undefined;
    const startLine = writer.patch
        ? emptiedParentsStart(lines, shape.start.line, shape.endLine)
        : shape.start.line;
    return { file, startLine, endLine: shape.endLine, replacement: '' };
}
/**
 * Removes the lines of the block sequence item at `path` (`- value` and what belongs to it), in the file that
 * holds it. Undefined unless the item starts its own `- ` line, or where another file (a base) writes it too.
 */
function removeItemEdit(model, document, path) {
    const written = writtenNode(model, document, path);
    if (!written || typeof path.at(-1) !== 'number')
        return undefined;
    const { file, lines, shape } = written;
    const line = lines[shape.start.line - 1] ?? '';
    if (!/^\s*-(\s|$)/.test(line) || line.indexOf('-') >= shape.start.col - 1)
        return undefined;
    if (writtenBelow(document, path))
        return undefined;
    return { file, startLine: shape.start.line, endLine: shape.endLine, replacement: '' };
}
/** Files other than the document's own that wrote part of its value (kustomize patches), found by walking it. */
function patchFiles(document, limit = 5000) {
    const files = new Set();
    if (!document.fileAt)
        return files;
    const pending = [{ path: [], value: document.value }];
    for (let seen = 0; pending.length > 0 && seen < limit; seen++) {
        const { path, value } = pending.pop();
        const file = document.fileAt(path);
        if (file !== document.file)
            files.add(file);
        if (value !== null && typeof value === 'object')
            for (const [key, child] of Object.entries(value))
                pending.push({ path: [...path, Array.isArray(value) ? Number(key) : key], value: child });
    }
    return files;
}
function startsWithKey(line, key) {
    const trimmed = line?.trimStart() ?? '';
    return [key, JSON.stringify(key), `'${key}'`].some((form) => new RegExp(`^${escapeRegExp(form)}\\s*:`).test(trimmed));
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** The first line to remove with lines `start..end`: block-map keys above them that would be left with no entry. */
function emptiedParentsStart(lines, start, end) {
    const indentOf = (line) => line.length - line.trimStart().length;
    const content = (line) => line !== undefined && line.trim() !== '' && !line.trimStart().startsWith('#');
    let first = start;
    let indent = indentOf(lines[start - 1]);
    let next = end;
    while (next < lines.length && !content(lines[next]))
        next += 1;
    const after = content(lines[next]) && lines[next].trim() !== '---' ? indentOf(lines[next]) : -1;
    while (first > 1) {
        const parent = lines[first - 2];
        if (!/^\s*[^\s#-][^#]*:\s*(#.*)?$/.test(parent) || indentOf(parent) >= indent || after > indentOf(parent))
            break;
        first -= 1;
        indent = indentOf(parent);
    }
    return first;
}
/** The indentation step the file uses (smallest positive indent), 2 when unknown; once per file's lines. */
function indentStep(lines) {
    let step = indentSteps.get(lines);
    if (step === undefined)
        indentSteps.set(lines, (step = smallestIndent(lines) ?? DEFAULT_INDENT_STEP));
    return step;
}
const indentSteps = new WeakMap();
function splitLines(text) {
    const lines = [];
    const breaks = /\r?\n/g;
    let start = 0;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
        lines.push({ text: text.slice(start, match.index), eol: match[0] });
        start = breaks.lastIndex;
    }
    lines.push({ text: text.slice(start), eol: '' });
    return lines;
}
/** The line break most lines of a text end with (`\n` when tied or when there is none). */
function dominantLineEnding(text) {
    const crlf = text.match(/\r\n/g)?.length ?? 0;
    const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
    return crlf > lf ? '\r\n' : '\n';
}
/**
 * Applies edits to a text (used by tests and by the patch renderer). Edits must not overlap. A replacement's lines
 * are separated by `\n` (a `\r` before it is dropped); in the text they take the line breaks of the lines they
 * replace, and the file's dominant line break (`eol`, when the text is only part of the file) where they add lines,
 * so a CRLF file stays CRLF. A BOM and a missing final line break stay as they were.
 */
function applyEdits(text, edits, eol = dominantLineEnding(text)) {
    const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
    const lines = splitLines(text.slice(bom.length));
    const sorted = [...edits].sort((a, b) => b.startLine - a.startLine);
    for (const edit of sorted) {
        const count = Math.max(0, edit.endLine - edit.startLine + 1);
        const replaced = lines.slice(edit.startLine - 1, edit.startLine - 1 + count);
        const replacement = edit.replacement === ''
            ? []
            : edit.replacement.split('\n').map((line, index) => ({
                text: line.replace(/\r$/, ''),
                eol: replaced[index]?.eol || eol,
            }));
        lines.splice(edit.startLine - 1, count, ...replacement);
    }
    // Only the last line goes without a line break (edits at the end may have moved it).
    lines.forEach((line, index) => (line.eol = index === lines.length - 1 ? '' : line.eol || eol));
    return bom + lines.map((line) => line.text + line.eol).join('');
}

;// CONCATENATED MODULE: ./src/rules/new-file.ts


/** Renders Kubernetes objects as one multi-document YAML text, keys in insertion order. */
function renderManifests(objects) {
    return objects.map((object) => (0,dist/* stringify */.As)(object, { lineWidth: 0 }).trimEnd()).join('\n---\n') + '\n';
}
/**
 * An edit that creates a new file beside `nearFile` (`startLine: 1, endLine: 0` on a path that does not exist
 * yet). A numeric suffix keeps it from overwriting a file of the same name.
 */
function newFileEdit(model, nearFile, fileName, text) {
    const directory = external_node_path_default().posix.dirname(nearFile);
    const extension = external_node_path_default().posix.extname(fileName);
    const stem = fileName.slice(0, fileName.length - extension.length);
    let candidate = external_node_path_default().posix.join(directory, fileName);
    for (let n = 2; model.files.has(candidate); n += 1)
        candidate = external_node_path_default().posix.join(directory, `${stem}-${n}${extension}`);
    return { file: candidate, startLine: 1, endLine: 0, replacement: text.replace(/\n$/, '') };
}

;// CONCATENATED MODULE: ./src/rules/types.ts
const SEVERITY_RANK = { error: 3, warning: 2, info: 1 };
/**
 * The project's home, the one place its URL is written (rule doc links, SARIF `informationUri`). A placeholder
 * until the repository is published: README and action.yml use the same owner/name in `uses:`.
 */
const PROJECT_HOME = 'https://github.com/dynakube-istio-guard/dynakube-istio-guard';
const DOCS_BASE = `${PROJECT_HOME}/blob/main/docs/rules`;
function docsUrl(id) {
    return `${DOCS_BASE}/${id}.md`;
}

;// CONCATENATED MODULE: ./src/rules/activegate-mesh-access.ts








const id = 'activegate-mesh-access';
/** OneAgent modes whose agent pods use the host network: Istio never puts those pods in the mesh. */
const HOST_NETWORK_MODES = [
    'classicFullStack',
    'cloudNativeFullStack',
    'hostMonitoring',
];
/** Labels that put the ActiveGate into the mesh, as the guide shows them under `spec.activeGate.labels`. */
const activegate_mesh_access_MESH_LABELS = {
    'sidecar.istio.io/inject': 'true',
    'istio.io/dataplane-mode': 'ambient',
};
function hostNetworkModes(dynakube) {
    return dynakube.modes.map((mode) => mode.value).filter((mode) => HOST_NETWORK_MODES.includes(mode));
}
/**
 * DynaKubes whose host-network OneAgents route through this ActiveGate: its own, and those in the same network
 * zone (OneAgents connect to the ActiveGates of their zone).
 */
function routedOneAgents(model, activeGateOwner) {
    const zone = activeGateOwner.networkZone?.value;
    return model.dynakubes.filter((dynakube) => hostNetworkModes(dynakube).length > 0 &&
        (dynakube === activeGateOwner || (zone !== undefined && dynakube.networkZone?.value === zone)));
}
function peerAuthenticationFix(model, dynakube, namespace) {
    const object = activeGatePeerAuthentication(namespace);
    const edit = newFileEdit(model, dynakube.origin.file, 'activegate-peer-authentication.yaml', renderManifests([object]));
    return {
        description: `Create ${edit.file} (a new file) with a PeerAuthentication that accepts plain TLS (PERMISSIVE) on the ` +
            `ActiveGate pods in namespace ${namespace}, so OneAgents outside the mesh can reach it. Traffic to the ` +
            'ActiveGate stays encrypted by HTTPS.',
        edits: [edit],
    };
}
/** STRICT mTLS on an ActiveGate in the mesh shuts out the host-network OneAgents that route through it. */
function strictMtlsFinding(model, dynakube, membership) {
    const capabilities = dynakube.activeGate.capabilities.value;
    if (!capabilities.includes('routing'))
        return undefined;
    const agents = routedOneAgents(model, dynakube);
    if (agents.length === 0)
        return undefined;
    const pod = activeGatePod(model, dynakube);
    const mtls = effectiveMtls(model, pod.namespace, pod.labels, ACTIVEGATE_PORT);
    if (mtls.value !== 'STRICT')
        return undefined;
    const who = agents.map((agent) => `${agent.name} (${hostNetworkModes(agent).join(', ')})`).join(', ');
    return {
        message: `The ActiveGate of DynaKube ${dynakube.name} is in the mesh (${membership.mode}: ${membership.reason}) and ` +
            `${mtls.policy} makes its mTLS STRICT (${mtls.origin.file}:${mtls.origin.line}). OneAgents of ${who} run on ` +
            'the host network, can never be in the mesh, and cannot connect to it; they fall back to connecting to ' +
            'Dynatrace directly.',
        origin: dynakube.activeGate.origin,
        resource: resourceId(dynakube),
        field: 'spec.activeGate|mtls',
        fix: peerAuthenticationFix(model, dynakube, pod.namespace),
    };
}
/** The guide labels the ActiveGate into the mesh together with `enableIstio: true`. */
function enableIstioFinding(model, dynakube) {
    if (dynakube.enableIstio.value)
        return undefined;
    const label = Object.entries(activegate_mesh_access_MESH_LABELS).find(([key, value]) => dynakube.activeGate?.labels[key]?.toLowerCase() === value);
    if (!label)
        return undefined;
    const labelPath = ['spec', 'activeGate', 'labels', label[0]];
    const edit = setValueEdit(model, dynakube.document, ['spec', 'enableIstio'], 'true');
    return {
        message: `The ActiveGate of DynaKube ${dynakube.name} is labelled into the mesh (${label[0]}: "${label[1]}") while ` +
            'enableIstio is off: without the ServiceEntries and VirtualServices the operator creates, the ActiveGate ' +
            'cannot reach the Dynatrace environment under a REGISTRY_ONLY outbound policy.',
        origin: originAt(dynakube, labelPath, dynakube.activeGate.origin),
        resource: resourceId(dynakube),
        field: 'spec.activeGate.labels|enableIstio',
        ...(edit
            ? {
                fix: {
                    description: 'Set `enableIstio: true`, as the guide does for an ActiveGate inside the mesh (the DynaKube must then be deleted and reapplied).',
                    edits: [edit],
                },
            }
            : {}),
    };
}
const activeGateMeshAccess = {
    meta: {
        id,
        severity: 'warning',
        description: 'An ActiveGate inside the mesh must stay reachable for OneAgents outside it, and needs `enableIstio: true`.',
        docs: docsUrl(id),
        fixable: true,
    },
    check({ head }) {
        const findings = [];
        for (const dynakube of head.dynakubes) {
            if (!dynakube.activeGate || dynakube.activeGate.capabilities.value.length === 0)
                continue;
            const membership = podMeshMembership(head, activeGatePod(head, dynakube));
            if (!membership)
                continue;
            const strict = strictMtlsFinding(head, dynakube, membership);
            if (strict)
                findings.push(strict);
            const labelled = enableIstioFinding(head, dynakube);
            if (labelled)
                findings.push(labelled);
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/cni-csi-deadlock.ts




const cni_csi_deadlock_id = 'cni-csi-deadlock';
const INJECT_ANNOTATION = 'oneagent.dynatrace.com/inject';
/** True when the CNI pods carry `oneagent.dynatrace.com/inject: "false"`. */
function cniExcluded(cni) {
    return cni.podAnnotations.value[INJECT_ANNOTATION]?.toLowerCase() === 'false';
}
/** DynaKubes with code-module injection whose selector can reach the CNI pods' namespace. */
function injectingDynaKubes(model, namespace) {
    return model.dynakubes.filter((dynakube) => {
        if (!injectsCodeModules(dynakube))
            return false;
        const operatorNamespace = dynakube.namespace ?? operatorNamespaces(model)[0].value;
        if (isIgnoredByOperator(namespace, operatorNamespace))
            return false;
        return selectorMatches(dynakube.namespaceSelector?.value, namespaceLabels(model, namespace));
    });
}
/** The CSI driver pods are in the mesh when the operator namespace is enrolled or `csidriver.labels` opt in. */
function csiDriverInMesh(model) {
    for (const namespace of operatorNamespaces(model)) {
        const enrollment = namespaceMeshEnrollment(model, namespace.value);
        if (enrollment)
            return `the operator namespace ${namespace.value} is enrolled in the mesh (${enrollment.label}: ${enrollment.value})`;
    }
    const optIn = model.operatorInstalls.find((install) => install.csiDriverLabels['sidecar.istio.io/inject'] === 'true');
    return optIn ? `csidriver.labels sets sidecar.istio.io/inject: "true" (${optIn.via})` : undefined;
}
function annotationFix(model, cni) {
    if (!cni.annotationsTarget)
        return undefined;
    const { document, path } = cni.annotationsTarget;
    const edit = setValueEdit(model, document, [...path, INJECT_ANNOTATION], '"false"');
    return edit
        ? {
            description: `Add the pod annotation \`${INJECT_ANNOTATION}: "false"\` to the Istio CNI pods (${cni.via}).`,
            edits: [edit],
        }
        : undefined;
}
const cniCsiDeadlock = {
    meta: {
        id: cni_csi_deadlock_id,
        severity: 'error',
        description: 'Istio CNI pods must be excluded from Dynatrace injection, or new nodes can deadlock with the CSI driver.',
        docs: docsUrl(cni_csi_deadlock_id),
        fixable: true,
    },
    check({ head }) {
        const csi = csiDriverEnabled(head);
        if (!csi.value)
            return [];
        const findings = [];
        for (const cni of head.cniInstalls) {
            if (!cni.enabled.value || cniExcluded(cni))
                continue;
            const injecting = injectingDynaKubes(head, cni.namespace.value);
            if (injecting.length === 0)
                continue;
            const inMesh = csiDriverInMesh(head);
            const names = injecting.map((dk) => dk.name).join(', ');
            const fix = annotationFix(head, cni);
            findings.push({
                message: inMesh
                    ? `Deadlock: the Istio CNI pods (${cni.via}, namespace ${cni.namespace.value}) are injected by DynaKube ${names} through the CSI driver, and ${inMesh}. On a new node the CNI pod waits for the CSI driver and the CSI driver waits for the CNI agent: no pod can start there.`
                    : `The Istio CNI pods (${cni.via}, namespace ${cni.namespace.value}) can be injected by DynaKube ${names} (code modules via the CSI driver). The guide says to exclude the CNI pods from injection "in all scenarios" to avoid a deadlock on new nodes.`,
                origin: cni.podAnnotations.origin,
                resource: cni.via,
                field: `cni.podAnnotations.${INJECT_ANNOTATION}`,
                severity: inMesh ? 'error' : 'warning',
                ...(fix ? { fix } : {}),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/config-not-evaluable.ts

const config_not_evaluable_id = 'config-not-evaluable';
const SHOWN_REASONS = 3;
/** Groups notes by file, keeping the file order of the model. */
function byFile(notes) {
    const groups = new Map();
    for (const note of notes) {
        const list = groups.get(note.file) ?? [];
        if (!list.some((n) => n.line === note.line && n.reason === note.reason))
            list.push(note);
        groups.set(note.file, list);
    }
    return groups;
}
/**
 * One note per file whose content decides a rule but could not be read (a template, an unresolved substitution, a
 * Secret, a remote chart or base, a YAML error). Keyed by file, so a note that moves lines stays `unchanged`.
 */
const configNotEvaluable = {
    meta: {
        id: config_not_evaluable_id,
        severity: 'info',
        description: 'Configuration that decides a rule could not be evaluated; the rules did not see it.',
        docs: docsUrl(config_not_evaluable_id),
        fixable: false,
    },
    check({ head }) {
        const findings = [];
        for (const [file, notes] of byFile(head.notEvaluable)) {
            const sorted = [...notes].sort((a, b) => a.line - b.line);
            const shown = sorted.slice(0, SHOWN_REASONS).map((n) => `line ${n.line}: ${n.reason}`);
            const more = sorted.length > SHOWN_REASONS ? `; and ${sorted.length - SHOWN_REASONS} more` : '';
            findings.push({
                message: `Could not evaluate ${file}: ${shown.join('; ')}${more}. Rules that depend on it may miss problems here.`,
                origin: { file, line: sorted[0].line },
                resource: `File ${file}`,
                field: 'not-evaluable',
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/model/facts-dynakube-versions.ts




/**
 * From each release's CRD (reference/dynatrace.md §3.1). Keys are the first minor of a line; a release uses the
 * last entry at or below it. `served: false` versions are simply absent from `served`.
 */
const RELEASES = [
    { from: [0, 10], release: '0.10–1.1', served: ['v1alpha1', 'v1beta1'], deprecated: [], storage: 'v1beta1' },
    { from: [1, 2], release: '1.2–1.3', served: ['v1beta1', 'v1beta2'], deprecated: [], storage: 'v1beta2' },
    {
        from: [1, 4],
        release: '1.4',
        served: ['v1beta1', 'v1beta2', 'v1beta3'],
        deprecated: [],
        storage: 'v1beta3',
    },
    {
        from: [1, 5],
        release: '1.5',
        served: ['v1beta1', 'v1beta2', 'v1beta3', 'v1beta4'],
        deprecated: [],
        storage: 'v1beta4',
    },
    {
        from: [1, 6],
        release: '1.6',
        served: ['v1beta1', 'v1beta2', 'v1beta3', 'v1beta4', 'v1beta5'],
        deprecated: ['v1beta1', 'v1beta2', 'v1beta3'],
        storage: 'v1beta5',
    },
    {
        from: [1, 7],
        release: '1.7',
        served: ['v1beta3', 'v1beta4', 'v1beta5'],
        deprecated: ['v1beta3'],
        storage: 'v1beta5',
    },
    {
        from: [1, 8],
        release: '1.8',
        served: ['v1beta4', 'v1beta5', 'v1beta6'],
        deprecated: [],
        storage: 'v1beta6',
    },
    {
        from: [1, 9],
        release: '1.9',
        served: ['v1beta4', 'v1beta5', 'v1beta6'],
        deprecated: ['v1beta4'],
        storage: 'v1beta6',
    },
    {
        from: [1, 10],
        release: '1.10',
        served: ['v1beta5', 'v1beta6'],
        deprecated: ['v1beta5'],
        storage: 'v1beta6',
    },
];
/** The newest operator known (main after 1.10.2): v1beta4 removed, v1beta5 deprecated. */
const NEWEST_OPERATOR = {
    release: 'newest',
    served: ['v1beta5', 'v1beta6'],
    deprecated: ['v1beta5'],
    storage: 'v1beta6',
};
/** What an operator release line serves; undefined for lines older than any known CRD. */
function servedVersions(line) {
    if (line === 'latest')
        return NEWEST_OPERATOR;
    const newestKnown = RELEASES[RELEASES.length - 1].from;
    if (line.major > newestKnown[0] || (line.major === newestKnown[0] && line.minor > newestKnown[1]))
        return NEWEST_OPERATOR;
    let match;
    for (const entry of RELEASES) {
        const [major, minor] = entry.from;
        if (line.major > major || (line.major === major && line.minor >= minor))
            match = entry;
    }
    return match;
}
/**
 * Operator versions pinned in the repository: the Helm chart version of an operator install, or the image tag of a
 * rendered `dynatrace-operator` Deployment.
 */
function pinnedOperatorVersions(model) {
    const pinned = [];
    for (const install of model.operatorInstalls) {
        const line = facts_versions_releaseLine(install.version?.value);
        if (install.version && line)
            pinned.push({ version: install.version, line, via: install.via, namespace: install.namespace.value });
    }
    for (const workload of model.workloads) {
        if (workload.kind !== 'Deployment' || workload.name !== 'dynatrace-operator')
            continue;
        const containers = asArray(read_getIn(workload.document.value, ['spec', 'template', 'spec', 'containers']));
        containers.forEach((container, index) => {
            const image = asString(asRecord(container)?.image);
            if (!image || !/dynatrace-operator/.test(image))
                return;
            const tag = facts_versions_imageTag(image);
            const line = facts_versions_releaseLine(tag);
            if (!tag || !line)
                return;
            const path = ['spec', 'template', 'spec', 'containers', index, 'image'];
            pinned.push({
                version: provenance_fact(tag, originAt(workload, path)),
                line,
                via: `Deployment ${workload.namespace ?? ''}/${workload.name}`,
                ...(workload.namespace ? { namespace: workload.namespace } : {}),
            });
        });
    }
    return pinned;
}

;// CONCATENATED MODULE: ./src/rules/line-edits.ts

/**
 * Replaces the first `search` on the line of the node at `path` with `replacement`, keeping the rest of the line
 * (indent, comments), in the file that holds the node (a kustomize patch's file when a patch wrote it).
 */
function replaceOnLine(model, document, path, search, replacement) {
    const written = writtenNode(model, document, path);
    if (!written)
        return undefined;
    const line = written.shape.start.line;
    const text = written.lines[line - 1];
    if (text === undefined || !text.includes(search))
        return undefined;
    return {
        file: written.file,
        startLine: line,
        endLine: line,
        replacement: text.replace(search, replacement),
    };
}
/**
 * Replaces the value of a block sequence item or mapping entry on its own line (`- old` → `- new`), in the file
 * that holds it (also the `value:` of a JSON6902 operation, whose scalar is replaced the same way).
 */
function replaceScalarEdit(model, document, path, oldValue, newValue) {
    const written = writtenNode(model, document, path);
    if (!written)
        return undefined;
    const { file, lines, shape } = written;
    if (shape.kind !== 'scalar' || shape.endLine !== shape.start.line)
        return undefined;
    const text = lines[shape.start.line - 1];
    if (text === undefined)
        return undefined;
    const from = text.indexOf(oldValue, shape.start.col - 1);
    if (from < 0)
        return undefined;
    const replaced = text.slice(0, from) + newValue + text.slice(from + oldValue.length);
    return { file, startLine: shape.start.line, endLine: shape.start.line, replacement: replaced };
}
/**
 * Moves the mapping entry at `from` (key and block value) to become the last entry of the block mapping at
 * `toParent`, re-indented to the parent's children. Both must be held by one file. Undefined where that cannot
 * be done as plain line edits, or where moving inside a kustomize patch would leave the base's entry in place.
 */
function moveEntryEdits(model, document, from, toParent) {
    const source = writtenNode(model, document, from);
    const target = writtenNode(model, document, toParent);
    if (!source || !target || source.file !== target.file || source.shape.flow)
        return undefined;
    const { file, lines } = source;
    if (!startsWithKey(lines[source.shape.start.line - 1], String(from.at(-1))))
        return undefined;
    if (writtenBelow(document, from))
        return undefined;
    const start = source.shape.start;
    const parent = target.shape;
    const block = lines.slice(start.line - 1, source.shape.endLine);
    const oldIndent = start.col - 1;
    const reindent = (indent) => block.map((line) => line.trim() === '' ? line : ' '.repeat(indent) + line.slice(Math.min(oldIndent, leading(line))));
    const removal = { file, startLine: start.line, endLine: source.shape.endLine, replacement: '' };
    if (parent.kind === 'map' && !parent.flow && parent.childCol !== undefined) {
        if (parent.endLine >= start.line && parent.start.line <= source.shape.endLine)
            return undefined;
        const insert = parent.endLine + 1;
        return [
            removal,
            { file, startLine: insert, endLine: insert - 1, replacement: reindent(parent.childCol - 1).join('\n') },
        ];
    }
    const header = lines[parent.start.line - 1];
    if (parent.kind === 'null' || (parent.kind === 'map' && parent.flow && /:\s*\{\}\s*(#.*)?$/.test(header))) {
        const fromParent = writtenNode(model, document, from.slice(0, -1));
        const parentCol = fromParent?.file === file ? fromParent.shape.start.col : 1;
        const step = oldIndent - parentCol + 1 || 2;
        const indent = parent.start.col - 1 + step;
        return [
            removal,
            {
                file,
                startLine: parent.start.line,
                endLine: parent.start.line,
                replacement: [header.replace(/:\s*(\{\}|null|~)?\s*(#.*)?$/, ':'), ...reindent(indent)].join('\n'),
            },
        ];
    }
    return undefined;
}
function leading(line) {
    return line.length - line.trimStart().length;
}

;// CONCATENATED MODULE: ./src/rules/dynakube-api-version.ts







const dynakube_api_version_id = 'dynakube-api-version';
const VERSION_ORDER = ['v1alpha1', 'v1beta1', 'v1beta2', 'v1beta3', 'v1beta4', 'v1beta5', 'v1beta6'];
/** Judges one DynaKube version against what an operator serves. */
function judge(version, served, operator) {
    const target = served.storage;
    const by = operator
        ? `Dynatrace Operator ${operator.version.value} (${operator.via}, ${operator.version.origin.file}:${operator.version.origin.line})`
        : 'the newest Dynatrace Operator';
    if (!served.served.includes(version)) {
        return operator
            ? { severity: 'error', what: `is not served by ${by}: applying it fails`, target }
            : {
                severity: 'warning',
                what: `is no longer served by ${by}; the repository pins no operator version, so an upgrade makes applying it fail`,
                target,
            };
    }
    if (operator && served.deprecated.includes(version))
        return { severity: 'warning', what: `is deprecated in ${by} and will be removed`, target };
    return undefined;
}
/** Operators that serve this DynaKube: the one in its namespace, else every pinned one. */
function operatorsFor(pinned, dynakube) {
    const own = pinned.filter((operator) => operator.namespace === dynakube.namespace);
    return own.length > 0 ? own : pinned;
}
const INJECTING = ['cloudNativeFullStack', 'applicationMonitoring'];
/** Field moves between DynaKube versions that a text edit can make; the rest is named in the description. */
function fieldMoves(model, dynakube, target) {
    const document = dynakube.document;
    const value = document.value;
    const edits = [];
    const manual = [];
    const rank = (v) => VERSION_ORDER.indexOf(v);
    const from = rank(dynakube.version);
    const to = rank(target);
    if (from <= rank('v1beta1') && to >= rank('v1beta2')) {
        if (read_getIn(value, ['spec', 'namespaceSelector']) !== undefined) {
            const mode = dynakube.modes.find((m) => INJECTING.includes(m.value))?.value;
            const moved = mode
                ? moveEntryEdits(model, document, ['spec', 'namespaceSelector'], ['spec', 'oneAgent', mode])
                : undefined;
            if (moved)
                edits.push(...moved);
            else
                manual.push('move `spec.namespaceSelector` under the OneAgent mode (or `spec.metadataEnrichment`)');
        }
        for (const old of ['routing', 'kubernetesMonitoring'])
            if (read_getIn(value, ['spec', old]) !== undefined)
                manual.push(`replace \`spec.${old}\` by the matching \`spec.activeGate.capabilities\``);
    }
    for (const mode of dynakube.modes) {
        const modePath = ['spec', 'oneAgent', mode.value];
        const removed = [
            ...(to >= rank('v1beta3') ? ['useCSIDriver'] : []),
            ...(to >= rank('v1beta6') ? ['autoUpdate'] : []),
        ];
        for (const field of removed) {
            if (read_getIn(value, [...modePath, field]) === undefined)
                continue;
            const removal = removeEntryEdits(model, document, [...modePath, field]);
            if (removal)
                edits.push(...removal);
            else
                manual.push(`remove \`${[...modePath, field].join('.')}\``);
        }
    }
    return { edits, manual };
}
/**
 * The apiVersion edits: in every file that writes it (a strategic-merge patch selects its target by apiVersion, so
 * each patch of an overlay stack and the base must change together).
 */
function versionEdits(model, dynakube, target) {
    const wanted = `dynatrace.com/${target}`;
    return editEveryWriter(dynakube.document, ['apiVersion'], (writer) => replaceOnLine(model, writer.document, writer.path, dynakube.apiVersion, wanted));
}
function apiVersionFix(model, dynakube, target) {
    const versionEdit = versionEdits(model, dynakube, target);
    if (!versionEdit)
        return undefined;
    const moves = fieldMoves(model, dynakube, target);
    const manual = moves.manual.length > 0 ? ` Also ${moves.manual.join('; ')}.` : '';
    return {
        description: `Move the DynaKube to \`dynatrace.com/${target}\` (fields that changed place are moved with it).${manual}`,
        edits: [...versionEdit, ...moves.edits],
    };
}
const dynakubeApiVersion = {
    meta: {
        id: dynakube_api_version_id,
        severity: 'error',
        description: 'A DynaKube must use an apiVersion the Dynatrace Operator in the repository serves.',
        docs: docsUrl(dynakube_api_version_id),
        fixable: true,
    },
    check({ head }) {
        const pinned = pinnedOperatorVersions(head);
        const findings = [];
        for (const dynakube of head.dynakubes) {
            const candidates = operatorsFor(pinned, dynakube);
            const verdicts = (candidates.length > 0 ? candidates : [undefined])
                .map((operator) => {
                const served = operator ? servedVersions(operator.line) : NEWEST_OPERATOR;
                return served ? judge(dynakube.version, served, operator) : undefined;
            })
                .filter((v) => v !== undefined)
                .sort((a, b) => (a.severity === 'error' ? -1 : 0) - (b.severity === 'error' ? -1 : 0));
            const verdict = verdicts[0];
            if (!verdict)
                continue;
            const origin = originAt(dynakube, ['apiVersion']);
            const fix = apiVersionFix(head, dynakube, verdict.target);
            findings.push({
                message: `DynaKube ${dynakube.name} uses ${dynakube.apiVersion}, which ${verdict.what}. Use dynatrace.com/${verdict.target}.`,
                origin,
                resource: resourceId(dynakube),
                field: 'apiVersion',
                severity: verdict.severity,
                subject: dynakube,
                ...(fix ? { fix } : {}),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/dynakube-spec.ts





const dynakube_spec_id = 'dynakube-spec';
/** The operator's `ExampleAPIURL`; the samples ship it and repositories substitute it at deploy time. */
const EXAMPLE_API_URL = 'https://ENVIRONMENTID.live.dynatrace.com/api';
/** Capabilities the operator webhook accepts (`pkg/api/latest/dynakube/activegate/spec.go`). */
const ACTIVEGATE_CAPABILITIES = [
    'routing',
    'kubernetes-monitoring',
    'metrics-ingest',
    'dynatrace-api',
    'debugging',
];
// Webhook messages (`pkg/api/validation/dynakube/`), replayed word for word.
const CONFLICTING_MODES = 'The DynaKube specification attempts to use multiple OneAgent modes simultaneously, which is not supported.';
const NO_API_URL = "The DynaKube's specification is missing the API URL or still has the example value set.";
const INVALID_API_URL = "The DynaKube's specification has an invalid API URL value set. Make sure you correctly specify the URL in your custom resource (including the /api postfix).";
const MUTATED_API_URL = "The DynaKube's specification mutated the tenant in the API URL although it is immutable. Please delete the CR and then apply a new one";
/** A value a deploy-time tool substitutes: the documented example, `${VAR}`, `<path:…>`, Helm `{{ }}`, `*_PLACEHOLDER`. */
function dynakube_spec_isPlaceholder(value) {
    return /ENVIRONMENTID|\$\{|\$\(|<path:|\{\{|_PLACEHOLDER|<[A-Za-z_-]+>/.test(value);
}
/** The webhook's apiUrl check: a parsable http(s) URL ending in `/api`, unless it is a third-generation `.apps.` host. */
function apiUrlValid(apiUrl) {
    let url;
    try {
        url = new URL(apiUrl);
    }
    catch {
        return false;
    }
    if (!/^https?:$/.test(url.protocol) || url.hostname === '')
        return false;
    return apiUrl.endsWith('/api') || url.hostname.includes('.apps.');
}
/** The URL the webhook would accept, when the mistake is only the `/api` suffix. */
function correctedApiUrl(apiUrl) {
    const candidate = `${apiUrl.replace(/\/+$/, '').replace(/\/api$/, '')}/api`;
    return apiUrlValid(candidate) ? candidate : undefined;
}
/** The tenant as the webhook compares it: the first label of the apiUrl host. */
function tenantOf(apiUrl) {
    if (!apiUrl || dynakube_spec_isPlaceholder(apiUrl))
        return undefined;
    try {
        return new URL(apiUrl).hostname.split('.')[0] || undefined;
    }
    catch {
        return undefined;
    }
}
const sameObject = (a, b) => a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
function modeFindings(dynakube) {
    if (dynakube.modes.length < 2)
        return [];
    return [
        {
            message: `DynaKube ${dynakube.name} sets ${dynakube.modes.map((m) => m.value).join(' and ')}. ${CONFLICTING_MODES}`,
            origin: dynakube.modes[1].origin,
            resource: resourceId(dynakube),
            field: 'spec.oneAgent',
            subject: dynakube,
        },
    ];
}
function apiUrlFindings(model, dynakube) {
    const base = { resource: resourceId(dynakube), field: 'spec.apiUrl', subject: dynakube };
    const apiUrl = dynakube.apiUrl;
    if (!apiUrl || apiUrl.value.trim() === '') {
        // A kustomize patch or an overlay may carry the apiUrl of the same object.
        if (model.dynakubes.some((other) => other !== dynakube && sameObject(other, dynakube) && other.apiUrl))
            return [];
        return [
            {
                ...base,
                message: `DynaKube ${dynakube.name} has no apiUrl. ${NO_API_URL}`,
                origin: apiUrl?.origin ?? dynakube.origin,
            },
        ];
    }
    if (dynakube_spec_isPlaceholder(apiUrl.value) || apiUrlValid(apiUrl.value))
        return [];
    const corrected = correctedApiUrl(apiUrl.value);
    const edit = corrected
        ? replaceScalarEdit(model, dynakube.document, ['spec', 'apiUrl'], apiUrl.value, corrected)
        : undefined;
    const fix = edit
        ? { description: `Use \`${corrected}\` (the environment URL with the \`/api\` suffix).`, edits: [edit] }
        : undefined;
    return [
        {
            ...base,
            message: `DynaKube ${dynakube.name} has apiUrl \`${apiUrl.value}\`. ${INVALID_API_URL}`,
            origin: apiUrl.origin,
            ...(fix ? { fix } : {}),
        },
    ];
}
/** `Kubernetes_Monitoring` → `kubernetes-monitoring`, when that is a valid capability. */
function nearestCapability(capability) {
    const normalized = capability
        .trim()
        .toLowerCase()
        .replace(/[_\s]+/g, '-');
    return ACTIVEGATE_CAPABILITIES.includes(normalized) ? normalized : undefined;
}
function capabilityFindings(model, dynakube) {
    const capabilities = dynakube.activeGate?.capabilities.value ?? [];
    return capabilities.flatMap((capability, index) => {
        if (ACTIVEGATE_CAPABILITIES.includes(capability))
            return [];
        const path = ['spec', 'activeGate', 'capabilities', index];
        const nearest = nearestCapability(capability);
        const edit = nearest ? replaceScalarEdit(model, dynakube.document, path, capability, nearest) : undefined;
        return [
            {
                message: `DynaKube ${dynakube.name}: The DynaKube's specification tries to use an invalid capability in ActiveGate section, ` +
                    `invalid capability=${capability}. Valid capabilities: ${ACTIVEGATE_CAPABILITIES.join(', ')}.`,
                origin: originAt(dynakube, path, dynakube.activeGate.capabilities.origin),
                resource: resourceId(dynakube),
                field: `spec.activeGate.capabilities.${capability}`,
                subject: dynakube,
                ...(edit ? { fix: { description: `Use the capability \`${nearest}\`.`, edits: [edit] } } : {}),
            },
        ];
    });
}
function tenantFindings(dynakube, base) {
    const before = base?.dynakubes.find((old) => sameObject(old, dynakube) && old.document.file === dynakube.document.file);
    const oldTenant = tenantOf(before?.apiUrl?.value);
    const newTenant = tenantOf(dynakube.apiUrl?.value);
    if (!before || !oldTenant || !newTenant || oldTenant === newTenant)
        return [];
    const namespace = dynakube.namespace ? ` -n ${dynakube.namespace}` : '';
    return [
        {
            message: `DynaKube ${dynakube.name} changes its tenant from ${oldTenant} to ${newTenant}. ${MUTATED_API_URL}`,
            origin: dynakube.apiUrl.origin,
            resource: resourceId(dynakube),
            field: 'spec.apiUrl.tenant',
            subject: dynakube,
            fix: {
                description: 'The apiUrl tenant is immutable: delete the DynaKube, then apply it again.',
                edits: [],
                commands: [
                    `kubectl delete dynakube ${dynakube.name}${namespace}`,
                    `kubectl apply -f ${dynakube.document.file}`,
                ],
            },
        },
    ];
}
const dynakubeSpec = {
    meta: {
        id: dynakube_spec_id,
        severity: 'error',
        description: 'A DynaKube must pass the Dynatrace Operator validation webhook (replayed offline).',
        docs: docsUrl(dynakube_spec_id),
        fixable: true,
    },
    check({ head, base }) {
        return head.dynakubes.flatMap((dynakube) => [
            ...modeFindings(dynakube),
            ...apiUrlFindings(head, dynakube),
            ...capabilityFindings(head, dynakube),
            ...tenantFindings(dynakube, base),
        ]);
    },
    notEvaluable({ head }) {
        return head.dynakubes.flatMap((dynakube) => {
            const apiUrl = dynakube.apiUrl;
            // `${VAR}`, `{{ }}`, `<path:…>` are already listed by the model; the documented example is not.
            if (!apiUrl || !dynakube_spec_isPlaceholder(apiUrl.value) || placeholderIn(apiUrl.value))
                return [];
            const what = apiUrl.value === EXAMPLE_API_URL ? 'the documented example' : 'a placeholder';
            return [
                {
                    file: apiUrl.origin.file,
                    line: apiUrl.origin.line,
                    reason: `apiUrl of DynaKube ${dynakube.name} is ${what} (${apiUrl.value}), substituted at deploy time: the tenant host was not checked`,
                },
            ];
        });
    },
};

;// CONCATENATED MODULE: ./src/rules/enable-istio-conflict.ts





const enable_istio_conflict_id = 'enable-istio-conflict';
const COMPONENTS = ['operator', 'oneagent', 'activegate'];
/** The host the operator writes into `<dynakube>-fqdn-operator`: third-generation `X.apps.D` becomes `X.live.D`. */
function operatorHost(dynakube) {
    const host = apiUrlHost(dynakube.apiUrl?.value);
    if (!host)
        return undefined;
    const thirdGen = /^([^.]+)\.apps\.(.+)$/.exec(host);
    return thirdGen ? `${thirdGen[1]}.live.${thirdGen[2]}` : host;
}
/** Whether `name` is one the operator owns for this DynaKube (`<dk>-fqdn-<component>`, `<dk>-ip-<component>`). */
function operatorOwnedName(dynakube, name) {
    return COMPONENTS.some((component) => name === `${dynakube.name}-fqdn-${component}` || name === `${dynakube.name}-ip-${component}`);
}
function istioObjects(model) {
    return [
        ...model.serviceEntries.map((se) => ({
            resource: se,
            hosts: se.hosts.value,
            kind: 'ServiceEntry',
        })),
        ...model.virtualServices.map((vs) => ({
            resource: vs,
            hosts: vs.hosts,
            kind: 'VirtualService',
        })),
    ];
}
/** Removes the whole object, or only the conflicting host of a ServiceEntry that lists other hosts too. */
function removalFix(model, object, host, nameClash) {
    const document = object.resource.document;
    const others = object.hosts.filter((h) => h.toLowerCase() !== host);
    if (!nameClash && others.length > 0) {
        if (object.kind !== 'ServiceEntry')
            return undefined;
        const index = object.hosts.findIndex((h) => h.toLowerCase() === host);
        const edit = removeItemEdit(model, document, ['spec', 'hosts', index]);
        const shape = document.describeAt(['spec', 'hosts']);
        if (!edit || !shape || shape.flow)
            return undefined;
        return {
            description: `Remove \`${host}\` from ${resourceId(object.resource)}: the operator's ServiceEntry declares it.`,
            edits: [edit],
        };
    }
    const range = document.rangeAt([]);
    // Removing an object a kustomize patch targets makes the build fail ("no matches for the patch target").
    if (!range || patchFiles(document).size > 0)
        return undefined;
    const edit = {
        file: document.file,
        startLine: range.startLine,
        endLine: range.endLine,
        replacement: '',
    };
    return {
        description: `Remove ${resourceId(object.resource)} and let the operator manage the Dynatrace endpoints (or set \`enableIstio: false\` and keep the hand-written objects).`,
        edits: [edit],
    };
}
function conflictsOf(model, dynakube) {
    const namespace = dynakube.namespace;
    const host = operatorHost(dynakube);
    const findings = [];
    for (const object of istioObjects(model)) {
        const sameNamespace = (object.resource.namespace ?? namespace) === namespace;
        const nameClash = sameNamespace && operatorOwnedName(dynakube, object.resource.name);
        const hostClash = host !== undefined && object.hosts.some((h) => h.toLowerCase() === host);
        if (!nameClash && !hostClash)
            continue;
        const why = nameClash
            ? `is named like an object the operator creates and owns for DynaKube ${dynakube.name}: the operator overwrites it`
            : `declares ${host}, the apiUrl host the operator writes into ${dynakube.name}-fqdn-operator; two ServiceEntries for one host are an invalid Istio configuration`;
        const fix = removalFix(model, object, host, nameClash);
        findings.push({
            message: `${resourceId(object.resource)} ${why}. DynaKube ${dynakube.name} has enableIstio on, and "enableIstio ` +
                `attribute will not consider pre-existing ServiceEntries and VirtualServices".`,
            origin: nameClash ? object.resource.origin : originAt(object.resource, ['spec', 'hosts']),
            resource: resourceId(object.resource),
            field: `${nameClash ? 'metadata.name' : 'spec.hosts'}@${dynakube.name}`,
            subject: object.resource,
            ...(fix ? { fix } : {}),
        });
    }
    return findings;
}
const enableIstioConflict = {
    meta: {
        id: enable_istio_conflict_id,
        severity: 'warning',
        description: 'With `enableIstio` on, the repository must not also declare the Dynatrace hosts or the operator-owned object names.',
        docs: docsUrl(enable_istio_conflict_id),
        fixable: true,
    },
    check({ head }) {
        return head.dynakubes
            .filter((dynakube) => dynakube.enableIstio.value)
            .flatMap((dk) => conflictsOf(head, dk));
    },
};

;// CONCATENATED MODULE: ./src/rules/enable-istio-dns-load.ts


const enable_istio_dns_load_id = 'enable-istio-dns-load';
const enableIstioDnsLoad = {
    meta: {
        id: enable_istio_dns_load_id,
        severity: 'info',
        description: 'With `enableIstio`, set `networkZone` so fewer communication endpoints (and DNS queries) are used.',
        docs: docsUrl(enable_istio_dns_load_id),
        fixable: false,
    },
    check({ head }) {
        const findings = [];
        for (const dynakube of head.dynakubes) {
            if (!dynakube.enableIstio.value)
                continue;
            if (dynakube.networkZone && dynakube.networkZone.value.trim() !== '')
                continue;
            findings.push({
                message: `DynaKube ${dynakube.name} has enableIstio on and no networkZone. "ServiceEntries result in additional DNS ` +
                    `queries executed by each sidecar proxy. This can put additional load on your DNS server." Set ` +
                    "`spec.networkZone` to the zone of this cluster so the operator gets only that zone's endpoints, or enable " +
                    'Istio DNS proxying (`ISTIO_META_DNS_CAPTURE`).',
                origin: dynakube.enableIstio.origin,
                resource: resourceId(dynakube),
                field: 'spec.networkZone',
                subject: dynakube,
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/enable-istio-reapply.ts




const enable_istio_reapply_id = 'enable-istio-reapply';
/** Components the operator made Istio objects for (reference/dynatrace.md §1.2). */
function istioComponents(dynakube) {
    return [
        'operator',
        ...(injectsCodeModules(dynakube) ? ['oneagent'] : []),
        ...(dynakube.activeGate ? ['activegate'] : []),
    ];
}
function enable_istio_reapply_namespaceOf(model, dynakube) {
    return dynakube.namespace ?? operatorNamespaces(model)[0].value;
}
/** The same DynaKube on the base side: same name and namespace, preferably in the same file. */
function baseOf(base, dynakube) {
    const same = base.dynakubes.filter((old) => old.name === dynakube.name && (old.namespace ?? '') === (dynakube.namespace ?? ''));
    return same.find((old) => old.document.file === dynakube.document.file) ?? same[0];
}
/** Commands that remove the ServiceEntries and VirtualServices the operator made while `enableIstio` was on. */
function cleanupCommands(before, namespace) {
    const components = istioComponents(before);
    const fqdn = components.map((component) => `${before.name}-fqdn-${component}`);
    const ip = components.map((component) => `${before.name}-ip-${component}`);
    return [
        `kubectl delete serviceentries.networking.istio.io,virtualservices.networking.istio.io -n ${namespace} --ignore-not-found ${fqdn.join(' ')}`,
        `kubectl delete serviceentries.networking.istio.io -n ${namespace} --ignore-not-found ${ip.join(' ')}`,
    ];
}
const enableIstioReapply = {
    meta: {
        id: enable_istio_reapply_id,
        severity: 'warning',
        description: 'Changing `enableIstio` takes effect only after the DynaKube is deleted and applied again.',
        docs: docsUrl(enable_istio_reapply_id),
        fixable: true,
    },
    check({ head, base }) {
        if (!base)
            return [];
        const findings = [];
        for (const dynakube of head.dynakubes) {
            const before = baseOf(base, dynakube);
            if (!before || before.enableIstio.value === dynakube.enableIstio.value)
                continue;
            const namespace = enable_istio_reapply_namespaceOf(head, dynakube);
            const switchedOff = before.enableIstio.value;
            const commands = [
                `kubectl delete dynakube ${dynakube.name} -n ${namespace}`,
                `kubectl apply -f ${dynakube.document.file}`,
                ...(switchedOff ? cleanupCommands(before, namespace) : []),
            ];
            const leftovers = switchedOff
                ? ` With enableIstio off the operator does not remove the ServiceEntries and VirtualServices it made (${before.name}-fqdn-operator stays behind): delete them too.`
                : '';
            findings.push({
                message: `DynaKube ${dynakube.name} switches enableIstio ${switchedOff ? 'off' : 'on'}. ` +
                    `"Changes to the enableIstio attribute require you to remove and reapply your DynaKube for the update to take effect."` +
                    leftovers,
                origin: dynakube.enableIstio.defaulted ? dynakube.origin : dynakube.enableIstio.origin,
                resource: resourceId(dynakube),
                field: 'spec.enableIstio',
                subject: dynakube,
                fix: {
                    description: `Delete DynaKube ${dynakube.name} and apply it again once this change is merged${switchedOff ? ', then remove the Istio objects the operator made for it' : ''}.`,
                    edits: [],
                    commands,
                },
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/enable-istio-required.ts





const enable_istio_required_id = 'enable-istio-required';
/** Where egress is restricted for this DynaKube's traffic, if anywhere. */
function egressRestriction(model, dynakube) {
    const policy = effectiveOutboundPolicy(model);
    if (policy.value === 'REGISTRY_ONLY')
        return { origin: policy.origin, what: 'the mesh-wide outboundTrafficPolicy is REGISTRY_ONLY' };
    // Dynatrace's own namespace and every namespace whose workloads this DynaKube monitors.
    const operatorNamespace = dynakube.namespace ?? DEFAULT_OPERATOR_NAMESPACE;
    const namespaces = new Set([operatorNamespace]);
    for (const namespace of model.namespaces.keys()) {
        const monitored = selectorMatches(dynakube.namespaceSelector?.value, namespaceLabels(model, namespace));
        if (monitored && !isIgnoredByOperator(namespace, operatorNamespace))
            namespaces.add(namespace);
    }
    for (const namespace of namespaces) {
        const sidecar = restrictingSidecarsFor(model, namespace)[0];
        if (sidecar?.outboundPolicy) {
            return {
                origin: sidecar.outboundPolicy.origin,
                what: `Sidecar ${sidecar.namespace ?? ''}/${sidecar.name} sets outboundTrafficPolicy REGISTRY_ONLY for namespace ${namespace}`,
            };
        }
    }
    return undefined;
}
const enableIstioRequired = {
    meta: {
        id: enable_istio_required_id,
        severity: 'error',
        description: 'A mesh that restricts egress needs `enableIstio: true` (or equivalent ServiceEntries) on every DynaKube.',
        docs: docsUrl(enable_istio_required_id),
        fixable: true,
    },
    check({ head }) {
        const findings = [];
        for (const dynakube of head.dynakubes) {
            if (dynakube.enableIstio.value)
                continue;
            const restriction = egressRestriction(head, dynakube);
            if (!restriction)
                continue;
            const host = apiUrlHost(dynakube.apiUrl?.value);
            if (host && hostCovered(head, host, dynakube.namespace))
                continue;
            const edit = setValueEdit(head, dynakube.document, ['spec', 'enableIstio'], 'true');
            findings.push({
                message: `DynaKube ${dynakube.name} has enableIstio off while ${restriction.what} ` +
                    `(${restriction.origin.file}:${restriction.origin.line}). OneAgents and the ActiveGate cannot reach ` +
                    `Dynatrace${host ? ` (${host})` : ''}: no ServiceEntry in the repository covers it.`,
                origin: dynakube.enableIstio.defaulted ? dynakube.origin : dynakube.enableIstio.origin,
                resource: resourceId(dynakube),
                field: 'spec.enableIstio',
                ...(edit
                    ? {
                        fix: {
                            description: 'Set `enableIstio: true` so the operator creates ServiceEntries and VirtualServices for the Dynatrace endpoints (the DynaKube must then be deleted and reapplied).',
                            edits: [edit],
                        },
                    }
                    : {}),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/metric-scraping-mtls.ts






const metric_scraping_mtls_id = 'metric-scraping-mtls';
const SCRAPE = 'metrics.dynatrace.com/scrape';
const PORT = 'metrics.dynatrace.com/port';
const PATH = 'metrics.dynatrace.com/path';
/** The istio-agent's merged metrics endpoint: excepted from mTLS, serves Envoy, Istio and application metrics. */
const MERGED_PORT = '15020';
const MERGED_PATH = '/stats/prometheus';
const MERGE_OPT_OUT = 'prometheus.istio.io/merge-metrics';
const EXCLUDE_INBOUND = 'traffic.sidecar.istio.io/excludeInboundPorts';
/** ActiveGates that scrape Prometheus endpoints (the `kubernetes-monitoring` capability), with their mesh state. */
function scrapingActiveGates(model) {
    return model.dynakubes
        .filter((dynakube) => dynakube.activeGate?.capabilities.value.includes('kubernetes-monitoring'))
        .map((dynakube) => ({ dynakube, membership: podMeshMembership(model, activeGatePod(model, dynakube)) }));
}
function scrapePort(workload) {
    const port = Number(workload.podAnnotations[PORT]);
    return Number.isInteger(port) && port > 0 ? port : undefined;
}
/** A port listed in `traffic.sidecar.istio.io/excludeInboundPorts` bypasses the sidecar, and so mTLS. */
function bypassesSidecar(workload, port) {
    const excluded = workload.podAnnotations[EXCLUDE_INBOUND];
    return port !== undefined && !!excluded && excluded.split(',').some((p) => p.trim() === String(port));
}
/**
 * Points Dynatrace at the merged endpoint and keeps the application's endpoint in `prometheus.io/*`, which
 * Istio reads to merge the application's metrics in. New keys are inserted together, in one edit.
 */
function mergingFix(model, workload) {
    const annotations = workload.podAnnotations;
    const wanted = [
        [PORT, `"${MERGED_PORT}"`],
        [PATH, MERGED_PATH],
    ];
    const appPort = annotations[PORT];
    if (annotations['prometheus.io/scrape'] === undefined)
        wanted.push(['prometheus.io/scrape', '"true"']);
    if (annotations['prometheus.io/port'] === undefined && appPort)
        wanted.push(['prometheus.io/port', `"${appPort}"`]);
    if (annotations['prometheus.io/path'] === undefined && annotations[PATH])
        wanted.push(['prometheus.io/path', yamlString(annotations[PATH])]);
    if (annotations[MERGE_OPT_OUT]?.toLowerCase() === 'false')
        wanted.push([MERGE_OPT_OUT, '"true"']);
    const annotationsPath = [...workload.podMetadataPath, 'annotations'];
    const shape = workload.document.describeAt(annotationsPath);
    const edits = [];
    if (!shape || shape.kind !== 'map' || shape.flow) {
        if (shape && shape.kind !== 'null')
            return undefined;
        const block = Object.fromEntries(wanted);
        const edit = setValueEdit(model, workload.document, annotationsPath, block);
        if (!edit)
            return undefined;
        edits.push(edit);
    }
    else {
        for (const [key, value] of wanted) {
            const edit = setValueEdit(model, workload.document, [...annotationsPath, key], value);
            if (!edit)
                return undefined;
            edits.push(edit);
        }
    }
    return {
        description: `Point Dynatrace at Istio's merged metrics endpoint (${PORT}: "${MERGED_PORT}", ${PATH}: ${MERGED_PATH}), ` +
            'which strict mTLS does not block, and keep the application endpoint in the prometheus.io/* annotations so ' +
            'Istio merges its metrics in. Add `metrics.dynatrace.com/filter` to drop istio_* and envoy_* metrics if they are not wanted.',
        edits: mergeInsertions(edits),
    };
}
/** Insertions at the same place become one edit, so applying them cannot interleave. */
function mergeInsertions(edits) {
    const result = [];
    for (const edit of edits) {
        const same = result.find((other) => other.file === edit.file &&
            other.startLine === edit.startLine &&
            other.endLine === edit.endLine &&
            edit.startLine > edit.endLine);
        if (same)
            same.replacement = `${same.replacement}\n${edit.replacement}`;
        else
            result.push({ ...edit });
    }
    return result;
}
function finding(model, workload, membership, mtls, outside) {
    const base = {
        origin: originAt(workload, [...workload.podMetadataPath, 'annotations', SCRAPE]),
        resource: resourceId(workload),
        field: `${workload.podMetadataPath.join('.')}.annotations.${SCRAPE}`,
    };
    const strict = `${mtls.policy} makes mTLS STRICT (${mtls.origin.file}:${mtls.origin.line})`;
    if (membership.mode === 'ambient') {
        return {
            ...base,
            message: `${resourceId(workload)} asks Dynatrace to scrape its metrics directly, but it is in ambient mode ` +
                `(${membership.reason}), ${strict} and ${outside} is outside the mesh: the ActiveGate cannot connect to ` +
                'the pod. Istio metric merging is not available in ambient mode (it needs a sidecar); put the ActiveGate ' +
                'into the mesh (ambient) to scrape this pod.',
        };
    }
    const fix = mergingFix(model, workload);
    return {
        ...base,
        message: `${resourceId(workload)} asks Dynatrace to scrape its metrics directly (port ` +
            `${workload.podAnnotations[PORT] ?? 'unset'}), but it has a sidecar (${membership.reason}), ${strict} and ` +
            `${outside} is outside the mesh: with strict mTLS, direct connections to pod IPs are not possible. ` +
            'Use the Istio metric-merging endpoint instead.',
        ...(fix ? { fix } : {}),
    };
}
const metricScrapingMtls = {
    meta: {
        id: metric_scraping_mtls_id,
        severity: 'warning',
        description: 'Under strict mTLS, an ActiveGate outside the mesh can only scrape mesh pods through Istio metric merging.',
        docs: docsUrl(metric_scraping_mtls_id),
        fixable: true,
    },
    check({ head }) {
        const activeGates = scrapingActiveGates(head);
        const outside = activeGates.filter((activeGate) => !activeGate.membership);
        // Unknown ActiveGate, or one in the mesh that scrapes through its own proxy: nothing to say.
        if (outside.length === 0)
            return [];
        const outsideName = `the ActiveGate of DynaKube ${outside.map((a) => a.dynakube.name).join(', ')}`;
        const findings = [];
        for (const workload of head.workloads) {
            if (workload.podAnnotations[SCRAPE]?.toLowerCase() !== 'true')
                continue;
            if (workload.podAnnotations[PORT] === MERGED_PORT)
                continue;
            const namespace = workload.namespace ?? 'default';
            const membership = podMeshMembership(head, {
                namespace,
                labels: workload.podLabels,
                annotations: workload.podAnnotations,
                hostNetwork: workload.hostNetwork,
            });
            if (!membership)
                continue;
            const port = scrapePort(workload);
            if (membership.mode === 'sidecar' && bypassesSidecar(workload, port))
                continue;
            const mtls = effectiveMtls(head, namespace, workload.podLabels, port);
            if (mtls.value !== 'STRICT')
                continue;
            findings.push(finding(head, workload, membership, mtls, outsideName));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/mixed-dataplane-modes.ts




const mixed_dataplane_modes_id = 'mixed-dataplane-modes';
const GUIDE = '"Istio East-West (sidecar combined with ambient) deployment is not supported."';
/** The sidecar label of a namespace (`istio-injection=enabled`, or `istio.io/rev` without `istio-injection`). */
function sidecarLabel(namespace) {
    const labels = namespace.labels;
    if (labels['istio-injection'] !== undefined)
        return labels['istio-injection'] === 'enabled' ? 'istio-injection' : undefined;
    return labels['istio.io/rev'] !== undefined ? 'istio.io/rev' : undefined;
}
function labelOrigin(resource, label) {
    return originAt(resource, ['metadata', 'labels', label]);
}
/** Namespaces that carry both an injection label and `istio.io/dataplane-mode=ambient` (IST0123). */
function doubleLabelled(model) {
    return [...model.namespaces.values()].flatMap((namespace) => {
        const sidecar = sidecarLabel(namespace);
        if (!sidecar || namespace.labels['istio.io/dataplane-mode'] !== 'ambient')
            return [];
        return [
            {
                message: `Namespace ${namespace.name} has both ${sidecar}=${namespace.labels[sidecar]} and istio.io/dataplane-mode=ambient: ` +
                    `its pods get sidecars, and a sidecar wins over ambient. ${GUIDE} Keep one of the two labels.`,
                origin: labelOrigin(namespace, 'istio.io/dataplane-mode'),
                resource: resourceId(namespace),
                field: 'metadata.labels',
                subject: namespace,
            },
        ];
    });
}
/** Namespaces, workloads and ActiveGates enrolled in exactly one data-plane mode. */
function enrollments(model) {
    const found = [];
    for (const namespace of model.namespaces.values()) {
        const sidecar = sidecarLabel(namespace);
        const ambient = namespace.labels['istio.io/dataplane-mode'] === 'ambient';
        if (sidecar && !ambient)
            found.push({
                mode: 'sidecar',
                resource: namespace,
                reason: `${sidecar}=${namespace.labels[sidecar]}`,
                origin: labelOrigin(namespace, sidecar),
            });
        if (ambient && !sidecar)
            found.push({
                mode: 'ambient',
                resource: namespace,
                reason: 'istio.io/dataplane-mode=ambient',
                origin: labelOrigin(namespace, 'istio.io/dataplane-mode'),
            });
    }
    for (const workload of model.workloads) {
        const namespace = workload.namespace ?? 'default';
        const membership = podMeshMembership(model, {
            namespace,
            labels: workload.podLabels,
            annotations: workload.podAnnotations,
            hostNetwork: workload.hostNetwork,
        });
        // Pods that only follow their namespace add nothing: the namespace is already counted.
        if (!membership || membership.reason.startsWith('namespace '))
            continue;
        const origin = originAt(workload, [...workload.podMetadataPath, 'labels']);
        found.push({ mode: membership.mode, resource: workload, reason: membership.reason, origin });
    }
    for (const dynakube of model.dynakubes) {
        const pod = activeGatePod(model, dynakube);
        const membership = pod && podMeshMembership(model, pod);
        if (!membership || membership.reason.startsWith('namespace '))
            continue;
        found.push({
            mode: membership.mode,
            resource: dynakube,
            reason: `its ActiveGate: ${membership.reason}`,
            origin: dynakube.activeGate.origin,
        });
    }
    return found;
}
function describe(list) {
    const shown = list.slice(0, 3).map((e) => `${resourceId(e.resource)} (${e.reason})`);
    return list.length > 3 ? `${shown.join(', ')} and ${list.length - 3} more` : shown.join(', ');
}
const mixedDataplaneModes = {
    meta: {
        id: mixed_dataplane_modes_id,
        severity: 'warning',
        description: 'Dynatrace does not support sidecar and ambient data planes in one mesh.',
        docs: docsUrl(mixed_dataplane_modes_id),
        fixable: false,
    },
    check({ head }) {
        const findings = doubleLabelled(head);
        const all = enrollments(head);
        const sidecar = all.filter((e) => e.mode === 'sidecar');
        const ambient = all.filter((e) => e.mode === 'ambient');
        if (sidecar.length > 0 && ambient.length > 0) {
            const anchor = ambient[0];
            findings.push({
                message: `The mesh runs both data planes: ambient for ${describe(ambient)}; sidecars for ${describe(sidecar)}. ${GUIDE}`,
                origin: anchor.origin,
                resource: resourceId(anchor.resource),
                field: 'dataplane-mode',
                subject: anchor.resource,
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/native-sidecars.ts








const native_sidecars_id = 'native-sidecars';
/** `a.b.0.c` → `['a', 'b', 0, 'c']`. */
function pathOf(dotted) {
    return dotted.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}
/** The document a fact was read from: the resource of that file that has a node at the fact's path. */
function documentAt(model, file, path) {
    return model.resources.find((r) => r.document.describeAt(path) && fileAt(r.document, path) === file)
        ?.document;
}
/** Sets `ENABLE_NATIVE_SIDECARS` to "false" where this install's pilot env is written. */
function disableEdit(model, pilot) {
    const setting = pilot.env[NATIVE_SIDECARS_ENV];
    const settingPath = setting?.origin.path ? pathOf(setting.origin.path) : undefined;
    // A `- name: ENABLE_NATIVE_SIDECARS` list item (IstioOperator k8s.env, a rendered istiod): edit its value there,
    // because that list overrides values-level env.
    if (setting && settingPath && typeof settingPath[settingPath.length - 1] === 'number') {
        const document = documentAt(model, setting.origin.file, settingPath);
        const valuePath = [...settingPath, 'value'];
        const current = document?.describeAt(valuePath);
        if (document && current)
            return (replaceScalarEdit(model, document, valuePath, setting.value, 'false') ??
                setValueEdit(model, document, valuePath, '"false"'));
        return undefined;
    }
    if (!pilot.envTarget)
        return undefined;
    const { document, path } = pilot.envTarget;
    return setValueEdit(model, document, [...path, NATIVE_SIDECARS_ENV], '"false"');
}
function pilotFindings(model, injecting) {
    return model.pilotInstalls.flatMap((pilot) => {
        const native = nativeSidecarState(pilot);
        if (native.state === 'off')
            return [];
        const edit = disableEdit(model, pilot);
        const fix = edit
            ? {
                description: `Set \`${NATIVE_SIDECARS_ENV}: "false"\` in the pilot env of ${pilot.via}.`,
                edits: [edit],
            }
            : undefined;
        return [
            {
                message: `${pilot.via} can inject native sidecars (${native.reason}) while DynaKube ${injecting} injects code ` +
                    `modules. The guide: native sidecar containers are "currently not supported by Dynatrace Operator. Disable ` +
                    `native sidecars in your Istio deployment".`,
                origin: native.origin,
                resource: pilot.via,
                field: `pilot.env.${NATIVE_SIDECARS_ENV}`,
                ...(fix ? { fix } : {}),
            },
        ];
    });
}
/** Pods that ask for a native sidecar themselves: the annotation wins over istiod's setting. */
function podFindings(model, injecting) {
    return model.workloads.flatMap((workload) => {
        if (workload.podAnnotations[NATIVE_SIDECAR_ANNOTATION]?.toLowerCase() !== 'true')
            return [];
        const membership = podMeshMembership(model, {
            namespace: workload.namespace ?? 'default',
            labels: workload.podLabels,
            annotations: workload.podAnnotations,
            hostNetwork: workload.hostNetwork,
        });
        if (membership?.mode !== 'sidecar')
            return [];
        const path = [...workload.podMetadataPath, 'annotations', NATIVE_SIDECAR_ANNOTATION];
        const edit = setValueEdit(model, workload.document, path, '"false"');
        return [
            {
                message: `${resourceId(workload)} asks for a native Istio sidecar (${NATIVE_SIDECAR_ANNOTATION}: "true", ${membership.reason}) ` +
                    `while DynaKube ${injecting} injects code modules; Dynatrace Operator does not support native sidecars.`,
                origin: originAt(workload, path),
                resource: resourceId(workload),
                field: `podAnnotations.${NATIVE_SIDECAR_ANNOTATION}`,
                subject: workload,
                ...(edit
                    ? {
                        fix: {
                            description: `Set \`${NATIVE_SIDECAR_ANNOTATION}: "false"\` on the pod template.`,
                            edits: [edit],
                        },
                    }
                    : {}),
            },
        ];
    });
}
const native_sidecars_nativeSidecars = {
    meta: {
        id: native_sidecars_id,
        severity: 'error',
        description: 'Istio must not inject native sidecars where Dynatrace injects code modules.',
        docs: docsUrl(native_sidecars_id),
        fixable: true,
    },
    check({ head }) {
        const injecting = head.dynakubes.filter(injectsCodeModules).map((dk) => dk.name);
        if (injecting.length === 0)
            return [];
        const names = injecting.join(', ');
        return [...pilotFindings(head, names), ...podFindings(head, names)];
    },
};

;// CONCATENATED MODULE: ./src/rules/operator-namespace-injection.ts




const operator_namespace_injection_id = 'operator-namespace-injection';
/** The guide: "Istio injection into the Dynatrace Operator namespace is not supported." */
const operatorNamespaceInjection = {
    meta: {
        id: operator_namespace_injection_id,
        severity: 'error',
        description: 'The Dynatrace Operator namespace must not be enrolled in the Istio mesh.',
        docs: docsUrl(operator_namespace_injection_id),
        fixable: true,
    },
    check({ head }) {
        const findings = [];
        for (const operatorNamespace of operatorNamespaces(head)) {
            const namespace = head.namespaces.get(operatorNamespace.value);
            const enrollment = namespaceMeshEnrollment(head, operatorNamespace.value);
            if (!namespace || !enrollment)
                continue;
            const labelPath = ['metadata', 'labels', enrollment.label];
            const edits = removeEntryEdits(head, namespace.document, labelPath);
            findings.push({
                message: `Namespace ${operatorNamespace.value} runs the Dynatrace Operator and is enrolled in the mesh by ` +
                    `\`${enrollment.label}: ${enrollment.value}\`. Istio injection into the Dynatrace Operator namespace is not supported.`,
                origin: enrollment.origin,
                resource: resourceId(namespace),
                field: labelPath.join('.'),
                ...(edits
                    ? {
                        fix: {
                            description: `Remove the \`${enrollment.label}\` label from the operator namespace.`,
                            edits,
                        },
                    }
                    : {}),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/dynatrace-consumers.ts



/** An ordinary pod of `namespace` gets a sidecar (namespace-level enrolment; pod opt-ins are not known). */
function namespaceHasSidecars(model, namespace) {
    return (podMeshMembership(model, { namespace, labels: {}, annotations: {}, hostNetwork: false })?.mode ===
        'sidecar');
}
/** The CSI driver pods run in the operator's namespace with `csidriver.labels`; undefined when not in the mesh. */
function csiDriverMembership(model) {
    const labels = Object.assign({}, ...model.operatorInstalls.map((install) => install.csiDriverLabels));
    for (const namespace of operatorNamespaces(model)) {
        const membership = podMeshMembership(model, {
            namespace: namespace.value,
            labels,
            annotations: {},
            hostNetwork: false,
        });
        if (membership)
            return { ...membership, namespace: namespace.value };
    }
    return undefined;
}
/**
 * Namespaces whose sidecars carry a DynaKube's traffic to Dynatrace: the namespaces it injects code modules into,
 * its ActiveGate's namespace when the ActiveGate has a sidecar, and the operator's namespace when enrolled.
 * Ambient pods are left out: ztunnel ignores `exportTo` and Sidecar resources do not apply to them.
 */
function sidecarConsumers(model, dynakube) {
    const consumers = [];
    const operatorNamespace = dynakube.namespace ?? operatorNamespaces(model)[0].value;
    if (injectsCodeModules(dynakube)) {
        for (const namespace of model.namespaces.keys()) {
            if (isIgnoredByOperator(namespace, operatorNamespace))
                continue;
            if (!selectorMatches(dynakube.namespaceSelector?.value, namespaceLabels(model, namespace)))
                continue;
            if (namespaceHasSidecars(model, namespace))
                consumers.push({ namespace, why: `code modules of DynaKube ${dynakube.name}` });
        }
    }
    const activeGate = activeGatePod(model, dynakube);
    if (activeGate && podMeshMembership(model, activeGate)?.mode === 'sidecar')
        consumers.push({ namespace: activeGate.namespace, why: `the ActiveGate of DynaKube ${dynakube.name}` });
    for (const namespace of operatorNamespaces(model)) {
        if (namespaceHasSidecars(model, namespace.value))
            consumers.push({ namespace: namespace.value, why: 'the Dynatrace Operator' });
    }
    const seen = new Set();
    return consumers.filter((consumer) => !seen.has(consumer.namespace) && !!seen.add(consumer.namespace));
}

;// CONCATENATED MODULE: ./src/rules/service-entry-views.ts



const service_entry_views_DEFAULT_NAMESPACE = 'default';
function viewOfEntry(entry) {
    const rawPorts = asArray(read_getIn(entry.document.value, ['spec', 'ports']));
    const ports = rawPorts.flatMap((item, index) => {
        const port = asRecord(item);
        const number = asNumber(port?.number);
        if (number === undefined)
            return [];
        const { file, line } = originAt(entry, ['spec', 'ports', index]);
        return [{ number, protocol: (asString(port?.protocol) ?? '').toUpperCase(), line, file }];
    });
    return {
        resource: resourceId(entry),
        name: entry.name,
        namespace: entry.namespace ?? service_entry_views_DEFAULT_NAMESPACE,
        hosts: entry.hosts.value.map((host) => host.toLowerCase()),
        ports,
        resolution: (entry.resolution ?? 'NONE').toUpperCase(),
        ...(entry.exportTo ? { exportTo: entry.exportTo } : {}),
        origin: entry.hosts.origin,
        entry,
    };
}
const THIRD_GEN = '.apps.';
/**
 * The API host the operator talks to: third-generation `X.apps.<domain>` becomes `X.live.<domain>` (or
 * `X.<domain>` when X has a dot). Placeholders (`ENVIRONMENTID`, `${…}`) give no host.
 */
function operatorApiEndpoint(apiUrl) {
    if (!apiUrl || /\$\{|\{\{|<path:|ENVIRONMENTID|_PLACEHOLDER|ARGOCD_ENV_/i.test(apiUrl))
        return undefined;
    let url;
    try {
        url = new URL(apiUrl.trim());
    }
    catch {
        return undefined;
    }
    const scheme = url.protocol.replace(/:$/, '').toLowerCase();
    if (scheme !== 'http' && scheme !== 'https')
        return undefined;
    let host = url.hostname.toLowerCase();
    const at = host.indexOf(THIRD_GEN);
    if (at > 0) {
        const prefix = host.slice(0, at);
        const suffix = host.slice(at + THIRD_GEN.length);
        host = prefix.includes('.') ? `${prefix}.${suffix}` : `${prefix}.live.${suffix}`;
    }
    const number = url.port ? Number(url.port) : scheme === 'https' ? 443 : 80;
    return { host, number, protocol: scheme.toUpperCase(), line: 0 };
}
/**
 * The `<dynakube>-fqdn-operator` ServiceEntry the operator creates for the apiUrl host when `enableIstio` is on:
 * DNS resolution, one `<protocol>-<port>` port, no `exportTo`. The OneAgent and ActiveGate entries depend on the
 * Dynatrace API's answer and are not known offline.
 */
function operatorEntries(model) {
    return model.dynakubes.flatMap((dynakube) => {
        if (!dynakube.enableIstio.value)
            return [];
        const endpoint = operatorApiEndpoint(dynakube.apiUrl?.value);
        if (!endpoint)
            return [];
        const origin = dynakube.apiUrl.origin;
        const namespace = dynakube.namespace ?? service_entry_views_DEFAULT_NAMESPACE;
        const name = `${dynakube.name}-fqdn-operator`;
        return [
            {
                resource: `ServiceEntry ${namespace}/${name}`,
                name,
                namespace,
                hosts: [endpoint.host],
                ports: [{ number: endpoint.number, protocol: endpoint.protocol, line: origin.line }],
                resolution: 'DNS',
                origin,
                madeFor: dynakube,
            },
        ];
    });
}
/** `meshConfig.defaultServiceExportTo`, `*` when unset. */
function defaultExportTo(model) {
    return (model.meshConfigs.find((source) => source.defaultServiceExportTo)?.defaultServiceExportTo?.value ?? ['*']);
}
/** Namespaces an entry is exported to: `all`, or a list (`.` resolved to the entry's own namespace). */
function exportedTo(model, view) {
    const exportTo = view.exportTo && view.exportTo.length > 0 ? view.exportTo : defaultExportTo(model);
    if (exportTo.includes('*'))
        return 'all';
    return exportTo.filter((ns) => ns !== '~').map((ns) => (ns === '.' ? view.namespace : ns));
}
function exportedToNamespace(model, view, namespace) {
    const to = exportedTo(model, view);
    return to === 'all' || to.includes(namespace);
}

;// CONCATENATED MODULE: ./src/rules/registry-egress.ts










const registry_egress_id = 'registry-egress';
/** With this flag a Job pulls the code modules image through the kubelet, outside the mesh. */
const NODE_IMAGE_PULL = 'feature.dynatrace.com/node-image-pull';
/**
 * The CSI provisioner pulls with go-containerregistry, which talks to Docker Hub as `index.docker.io`; the guide's
 * entry (index.docker.io, auth.docker.io, production.cloudflare.docker.com) works without `registry-1.docker.io`,
 * which containerd uses. The generated entry still lists it.
 */
const PULLER_SKIPS = ['registry-1.docker.io'];
/** Where egress is closed for the CSI driver's namespace: mesh-wide, or by a Sidecar that applies there. */
function registry_egress_egressRestriction(model, namespace) {
    const policy = effectiveOutboundPolicy(model);
    if (policy.value === 'REGISTRY_ONLY')
        return { origin: policy.origin, what: 'the mesh-wide outboundTrafficPolicy is REGISTRY_ONLY' };
    const sidecar = restrictingSidecarsFor(model, namespace)[0];
    return sidecar?.outboundPolicy
        ? {
            origin: sidecar.outboundPolicy.origin,
            what: `Sidecar ${sidecar.namespace ?? ''}/${sidecar.name} sets outboundTrafficPolicy REGISTRY_ONLY`,
        }
        : undefined;
}
/** Hosts and ports ServiceEntries in the repository declare, counting only those exported to `namespace`. */
function coveredIn(model, namespace) {
    return model.serviceEntries
        .map(viewOfEntry)
        .filter((view) => exportedToNamespace(model, view, namespace))
        .flatMap((view) => view.hosts.flatMap((host) => view.ports.map((port) => ({ host, port: port.number }))));
}
function registry_egress_isCovered(covered, host, port) {
    return covered.some((entry) => entry.port === port && hostMatches(entry.host, host));
}
/** The hosts (with ports) a pull of `image` contacts that no visible ServiceEntry declares. */
function uncoveredHosts(image, covered) {
    const parsed = registryOfImage(image);
    if (!parsed)
        return undefined;
    const wanted = registryHosts(parsed.registry, parsed.port);
    // The registry API answers on its own port; blobs come from the redirect hosts over 443.
    const needs = [
        ...wanted.hosts
            .filter((host) => !PULLER_SKIPS.includes(host))
            .map((host) => ({ host, port: host === parsed.registry ? parsed.port : 443 })),
        ...wanted.wildcardHosts.map((host) => ({ host, port: 443 })),
    ];
    const missing = needs.filter((need) => !registry_egress_isCovered(covered, need.host, need.port));
    return { registry: parsed.registry, missing: missing.map((need) => `${need.host}:${need.port}`) };
}
/** The generator's registry ServiceEntries for the code modules image only, in a new file beside the DynaKube. */
function generatedEntriesFix(model, dynakube, namespace, covered) {
    const codeModulesOnly = {
        ...dynakube,
        oneAgentImage: undefined,
        activeGate: undefined,
        publicRegistryOverride: undefined,
        annotations: {},
    };
    const { objects } = registryEntries([{ dynakube: codeModulesOnly, namespace }], covered);
    if (objects.length === 0)
        return undefined;
    const first = objects[0].object.metadata.name;
    const edit = newFileEdit(model, dynakube.origin.file, `${first}.yaml`, renderManifests(objects.map((o) => o.object)));
    return {
        description: `Create ${edit.file} (a new file) with ServiceEntries for the registry and the hosts it redirects blob ` +
            `downloads to, in namespace ${namespace}. Add the file to your kustomization if you use one.`,
        edits: [edit],
    };
}
const registryEgress = {
    meta: {
        id: registry_egress_id,
        severity: 'error',
        description: 'Under REGISTRY_ONLY, a CSI driver in the mesh needs ServiceEntries for the registry of codeModulesImage.',
        docs: docsUrl(registry_egress_id),
        fixable: true,
    },
    check({ head }) {
        if (!csiDriverEnabled(head).value)
            return [];
        const csi = csiDriverMembership(head);
        // Ambient traffic goes through ztunnel, which does not enforce REGISTRY_ONLY.
        if (csi?.mode !== 'sidecar')
            return [];
        const restriction = registry_egress_egressRestriction(head, csi.namespace);
        if (!restriction)
            return [];
        const covered = coveredIn(head, csi.namespace);
        const findings = [];
        for (const dynakube of head.dynakubes) {
            const image = dynakube.codeModulesImage;
            if (!image || isPlaceholder(image.value))
                continue;
            if (dynakube.annotations[NODE_IMAGE_PULL]?.toLowerCase() === 'true')
                continue;
            const uncovered = uncoveredHosts(image.value, covered);
            if (!uncovered || uncovered.missing.length === 0)
                continue;
            const fix = generatedEntriesFix(head, dynakube, csi.namespace, covered);
            findings.push({
                message: `The CSI driver pulls codeModulesImage ${image.value} of DynaKube ${dynakube.name} itself, from inside ` +
                    `the mesh (${csi.reason}), and ${restriction.what} (${restriction.origin.file}:${restriction.origin.line}). ` +
                    `No ServiceEntry visible in namespace ${csi.namespace} covers ${uncovered.missing.join(', ')}: ` +
                    'the image pull fails and no code modules reach the node.',
                origin: image.origin,
                resource: resourceId(dynakube),
                field: `codeModulesImage|${uncovered.registry}`,
                ...(fix ? { fix } : {}),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/service-entry-conflict.ts



const service_entry_conflict_id = 'service-entry-conflict';
/** Two entries can only clash where both are visible: their `exportTo` sets must meet. */
function visibleTogether(model, a, b) {
    const left = exportedTo(model, a);
    const right = exportedTo(model, b);
    if (left === 'all')
        return right === 'all' || right.length > 0;
    if (right === 'all')
        return left.length > 0;
    return left.some((ns) => right.includes(ns));
}
function service_entry_conflict_describe(view) {
    return view.madeFor
        ? `${view.resource} (created by the operator for DynaKube ${view.madeFor.name}, enableIstio)`
        : `${view.resource} (${view.origin.file}:${view.origin.line})`;
}
/** What differs between two declarations of the same host and port, or undefined when they agree. */
function difference(a, b, port) {
    const differences = [];
    const protocolA = a.ports.find((p) => p.number === port).protocol;
    const protocolB = b.ports.find((p) => p.number === port).protocol;
    if (protocolA !== protocolB)
        differences.push(`protocol ${protocolA || '(unset)'} vs ${protocolB || '(unset)'}`);
    if (a.resolution !== b.resolution)
        differences.push(`resolution ${a.resolution} vs ${b.resolution}`);
    return differences.length > 0 ? differences.join(', ') : undefined;
}
/** Later in the repository (file, then line) is where the finding goes; operator objects are never anchors. */
function anchorFirst(a, b) {
    if (a.madeFor)
        return [b, a];
    if (b.madeFor)
        return [a, b];
    const order = byCodeUnits(a.origin.file, b.origin.file) || a.origin.line - b.origin.line;
    return order > 0 ? [a, b] : [b, a];
}
function conflicts(model, host, a, b) {
    if (a.madeFor && b.madeFor)
        return [];
    // A repository object with the operator's own name is overwritten by it, not kept beside it.
    if ((a.madeFor || b.madeFor) && a.name === b.name && a.namespace === b.namespace)
        return [];
    if (!visibleTogether(model, a, b))
        return [];
    const [anchor, other] = anchorFirst(a, b);
    const findings = [];
    for (const port of anchor.ports.filter((p) => other.ports.some((q) => q.number === p.number))) {
        const diff = difference(anchor, other, port.number);
        if (!diff)
            continue;
        findings.push({
            message: `${anchor.resource} and ${service_entry_conflict_describe(other)} both declare ${host}:${port.number} with different ` +
                `settings (${diff}). Istio keeps only one of them (the most recent by creation time), which it ` +
                'considers invalid configuration: traffic to the host can fail or be blackholed.',
            origin: { file: port.file ?? anchor.origin.file, line: port.line, path: 'spec.ports' },
            resource: anchor.resource,
            field: `${host}:${port.number}|${other.resource}`,
        });
    }
    return findings;
}
const serviceEntryConflict = {
    meta: {
        id: service_entry_conflict_id,
        severity: 'warning',
        description: 'Two ServiceEntries (including the operator-made ones) must not declare one host and port differently.',
        docs: docsUrl(service_entry_conflict_id),
        fixable: false,
    },
    check({ head }) {
        // Only entries that share a host can clash: compare within each host's bucket.
        const byHost = new Map();
        for (const view of [...head.serviceEntries.map(viewOfEntry), ...operatorEntries(head)])
            for (const host of new Set(view.hosts)) {
                const bucket = byHost.get(host) ?? [];
                bucket.push(view);
                byHost.set(host, bucket);
            }
        const findings = [];
        for (const [host, views] of byHost)
            for (let i = 0; i < views.length; i += 1)
                for (let j = i + 1; j < views.length; j += 1)
                    findings.push(...conflicts(head, host, views[i], views[j]));
        return findings;
    },
};

// EXTERNAL MODULE: ./src/generate/validate-service-entry.ts
var validate_service_entry = __nccwpck_require__(6746);
;// CONCATENATED MODULE: ./src/rules/service-entry-invalid.ts







const service_entry_invalid_id = 'service-entry-invalid';
const HTTP_OR_TLS = ['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY', 'HTTPS', 'TLS'];
const DNS1123_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
/** Wildcard hosts cannot be resolved by DNS without endpoints: `NONE` forwards to the address the app resolved. */
function fixWildcardResolution(entry, model, fix) {
    const resolution = (asString(fix.spec.resolution) ?? 'NONE').toUpperCase();
    const hosts = asArray(fix.spec.hosts).map((host) => asString(host) ?? '');
    if (!['DNS', 'DNS_ROUND_ROBIN'].includes(resolution) || asArray(fix.spec.endpoints).length > 0)
        return;
    if (!hosts.some((host) => host.includes('*')))
        return;
    const edit = setValueEdit(model, entry.document, ['spec', 'resolution'], 'NONE');
    if (!edit)
        return;
    fix.spec.resolution = 'NONE';
    fix.edits.push(edit);
    fix.changes.push('resolution DNS → NONE (wildcard hosts)');
}
/** Duplicate port numbers are dropped; missing, invalid or duplicate names become `<protocol>-<number>`. */
function fixPorts(entry, model, fix) {
    const ports = asArray(fix.spec.ports);
    const names = new Set();
    const numbers = new Set();
    const kept = [];
    ports.forEach((item, index) => {
        const port = { ...(asRecord(item) ?? {}) };
        const number = asNumber(port.number);
        const path = ['spec', 'ports', index];
        if (number !== undefined && numbers.has(number)) {
            const edit = removeItemEdit(model, entry.document, path);
            if (!edit)
                return void kept.push(port);
            fix.edits.push(edit);
            fix.changes.push(`duplicate port ${number} removed`);
            return;
        }
        if (number !== undefined)
            numbers.add(number);
        const name = asString(port.name) ?? '';
        if (!DNS1123_LABEL.test(name) || name.length > 63 || names.has(name)) {
            const base = `${(asString(port.protocol) || 'tcp').toLowerCase()}-${number ?? index}`;
            let candidate = base;
            for (let n = 2; names.has(candidate); n += 1)
                candidate = `${base}-${n}`;
            const edit = setValueEdit(model, entry.document, [...path, 'name'], candidate);
            if (edit) {
                fix.edits.push(edit);
                fix.changes.push(`port name "${name}" → "${candidate}"`);
                port.name = candidate;
            }
        }
        names.add(asString(port.name) ?? '');
        kept.push(port);
    });
    fix.spec.ports = kept;
}
/**
 * Several hosts can share a port only when Istio tells them apart by Host header or SNI. Port 443 declared as
 * TCP (or unset) is TLS in practice, so it becomes `TLS`; other plain TCP ports have no safe correction.
 */
function fixMultiHostProtocols(entry, model, fix) {
    const resolution = (asString(fix.spec.resolution) ?? 'NONE').toUpperCase();
    if (resolution === 'NONE' || asArray(fix.spec.hosts).length < 2)
        return;
    const ports = asArray(fix.spec.ports).map((item) => ({ ...(asRecord(item) ?? {}) }));
    const original = asArray(read_getIn(entry.document.value, ['spec', 'ports']));
    ports.forEach((port) => {
        const protocol = (asString(port.protocol) ?? '').toUpperCase();
        if (HTTP_OR_TLS.includes(protocol) || asNumber(port.number) !== 443)
            return;
        const index = original.findIndex((item) => asNumber(asRecord(item)?.number) === 443);
        const edit = setValueEdit(model, entry.document, ['spec', 'ports', index, 'protocol'], 'TLS');
        if (!edit)
            return;
        fix.edits.push(edit);
        fix.changes.push(`port 443 protocol ${protocol || '(unset)'} → TLS`);
        port.protocol = 'TLS';
    });
    fix.spec.ports = ports;
}
/** A corrected entry, offered only when the corrected spec passes Istio's validation. */
function correction(model, entry, spec) {
    const fix = { spec: { ...spec }, edits: [], changes: [] };
    fixWildcardResolution(entry, model, fix);
    fixPorts(entry, model, fix);
    fixMultiHostProtocols(entry, model, fix);
    if (fix.edits.length === 0)
        return undefined;
    if ((0,validate_service_entry/* validateServiceEntrySpec */.d)(fix.spec).some((problem) => problem.severity === 'error'))
        return undefined;
    return { description: `Correct ${resourceId(entry)}: ${fix.changes.join('; ')}.`, edits: fix.edits };
}
/** The problem's line, or its nearest parent's, in the file that holds it (a kustomize patch's when it wrote it). */
function service_entry_invalid_originOf(entry, problem) {
    const path = ['spec', ...problem.path];
    for (let depth = problem.path.length; depth >= 0; depth -= 1) {
        const found = ['spec', ...problem.path.slice(0, depth)];
        if (entry.document.rangeAt(found))
            return { ...originAt(entry, found), path: path.join('.') };
    }
    return { ...entry.origin, path: path.join('.') };
}
const serviceEntryInvalid = {
    meta: {
        id: service_entry_invalid_id,
        severity: 'error',
        description: "A ServiceEntry must pass Istio's validation, or the API server rejects it.",
        docs: docsUrl(service_entry_invalid_id),
        fixable: true,
    },
    check({ head }) {
        const findings = [];
        for (const entry of head.serviceEntries) {
            const spec = asRecord(read_getIn(entry.document.value, ['spec']));
            // Values substituted at deploy time (`${VAR}`, templates) cannot be judged here.
            if (!spec || isPlaceholder(JSON.stringify(spec)))
                continue;
            const errors = (0,validate_service_entry/* validateServiceEntrySpec */.d)(spec).filter((problem) => problem.severity === 'error');
            if (errors.length === 0)
                continue;
            const fix = correction(head, entry, spec);
            findings.push({
                message: `${resourceId(entry)} breaks Istio's ServiceEntry validation, so applying it fails: ` +
                    errors.map((problem) => problem.message).join('; ') +
                    '.',
                origin: service_entry_invalid_originOf(entry, errors[0]),
                resource: resourceId(entry),
                field: 'spec',
                ...(fix ? { fix } : {}),
            });
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/rules/service-entry-visibility.ts









const service_entry_visibility_id = 'service-entry-visibility';
/** Dynatrace SaaS domains: an entry for one of these hosts is meant for Dynatrace traffic. */
const DYNATRACE_DOMAINS = ['.dynatrace.com', '.dynatracelabs.com'];
function isDynatraceHost(host, dynakube) {
    const apiHost = operatorApiEndpoint(dynakube.apiUrl?.value)?.host;
    if (apiHost && hostMatches(host, apiHost))
        return true;
    return DYNATRACE_DOMAINS.some((domain) => host.endsWith(domain));
}
/** Hosts the CSI driver pulls `codeModulesImage` from, blob redirects included. */
function codeModuleRegistryHosts(dynakube) {
    const registry = dynakube.codeModulesImage && registryOfImage(dynakube.codeModulesImage.value);
    if (!registry)
        return [];
    const hosts = registryHosts(registry.registry, registry.port);
    return [...hosts.hosts, ...hosts.wildcardHosts];
}
/** Where an entry is needed: sidecar namespaces that carry the traffic it is meant for. */
function consumersOf(model, view) {
    const consumers = [];
    const dynakubes = view.madeFor ? [view.madeFor] : model.dynakubes;
    for (const dynakube of dynakubes) {
        if (view.hosts.some((host) => isDynatraceHost(host, dynakube)))
            consumers.push(...sidecarConsumers(model, dynakube));
        const registry = codeModuleRegistryHosts(dynakube);
        const csi = csiDriverMembership(model);
        if (csi?.mode === 'sidecar' && view.hosts.some((host) => registry.some((r) => hostMatches(host, r))))
            consumers.push({
                namespace: csi.namespace,
                why: `the CSI driver pulling codeModulesImage of ${dynakube.name}`,
            });
    }
    const seen = new Set();
    return consumers.filter((consumer) => !seen.has(consumer.namespace) && !!seen.add(consumer.namespace));
}
/** The Sidecar that configures ordinary pods of `namespace`: its own selector-less one, else the root default. */
function namespaceSidecar(model, namespace) {
    const root = effectiveRootNamespace(model).value;
    return (model.sidecars.find((s) => s.namespace === namespace && !s.workloadSelector) ??
        model.sidecars.find((s) => s.namespace === root && !s.workloadSelector));
}
/** Sidecar `egress.hosts` entries are `namespace/host`; `.` is the proxy's namespace, `~` none, `*` any. */
function egressAllows(egressHost, proxyNamespace, view) {
    const slash = egressHost.indexOf('/');
    const namespace = slash < 0 ? '*' : egressHost.slice(0, slash);
    const host = slash < 0 ? egressHost : egressHost.slice(slash + 1);
    const namespaceOk = namespace === '*' ||
        (namespace === '.' ? view.namespace === proxyNamespace : namespace === view.namespace);
    if (!namespaceOk)
        return false;
    return host === '*' || view.hosts.some((h) => hostMatches(host, h));
}
function hiddenBySidecar(model, view, namespace) {
    const sidecar = namespaceSidecar(model, namespace);
    if (!sidecar || sidecar.egressHosts.length === 0)
        return undefined;
    return sidecar.egressHosts.some((host) => egressAllows(host, namespace, view)) ? undefined : sidecar;
}
function service_entry_visibility_describe(view) {
    return view.madeFor
        ? `${view.resource} (created by the operator for DynaKube ${view.madeFor.name}, enableIstio)`
        : view.resource;
}
function listNeeds(consumers) {
    return consumers.map((c) => `${c.namespace} (${c.why})`).join(', ');
}
/** `exportTo` widened by the namespaces that need the entry; `.` stays for the entry's own namespace. */
function exportToFix(model, view, missing) {
    const entry = view.entry;
    if (!entry)
        return undefined;
    const current = (view.exportTo && view.exportTo.length > 0 ? view.exportTo : defaultExportTo(model)).filter((ns) => ns !== '~');
    const wanted = [...current, ...missing.filter((ns) => !current.includes(ns))];
    const rendered = `[${wanted.map((ns) => JSON.stringify(ns)).join(', ')}]`;
    const edit = entry.document.describeAt(['spec', 'exportTo'])
        ? replaceValueEdit(model, entry.document, ['spec', 'exportTo'], rendered)
        : setValueEdit(model, entry.document, ['spec', 'exportTo'], rendered);
    return edit
        ? {
            description: `Export ${view.resource} to the namespaces that need it: \`exportTo: ${rendered}\`.`,
            edits: [edit],
        }
        : undefined;
}
function exportFinding(model, view, missing) {
    const exportLine = view.entry?.document.lineAt(['spec', 'exportTo']);
    const meshDefault = model.meshConfigs.find((source) => source.defaultServiceExportTo)?.defaultServiceExportTo;
    const because = view.exportTo && view.exportTo.length > 0
        ? `its exportTo is [${view.exportTo.join(', ')}]`
        : `it has no exportTo and meshConfig.defaultServiceExportTo is [${defaultExportTo(model).join(', ')}]` +
            (meshDefault ? ` (${meshDefault.origin.file}:${meshDefault.origin.line})` : '');
    const origin = view.madeFor && meshDefault
        ? meshDefault.origin
        : exportLine
            ? originAt(view.entry, ['spec', 'exportTo'])
            : view.origin;
    const fix = exportToFix(model, view, missing.map((c) => c.namespace));
    return {
        message: `${service_entry_visibility_describe(view)} is meant for Dynatrace traffic but is not visible in ${listNeeds(missing)}: ${because}.` +
            (view.madeFor
                ? ' The operator creates its entries without exportTo; widen defaultServiceExportTo or write the entries by hand with an exportTo.'
                : ''),
        origin,
        resource: view.resource,
        field: 'spec.exportTo',
        ...(fix ? { fix } : {}),
    };
}
function sidecarFinding(view, sidecar, hidden) {
    const hosts = view.hosts.map((host) => `${view.namespace}/${host}`).join(', ');
    return {
        message: `Sidecar ${sidecar.namespace ?? ''}/${sidecar.name} limits egress.hosts so that ${service_entry_visibility_describe(view)}, meant ` +
            `for Dynatrace traffic, is hidden from ${listNeeds(hidden)}. Add ${hosts} to its egress hosts.`,
        origin: originAt(sidecar, ['spec', 'egress']),
        resource: resourceId(sidecar),
        field: `spec.egress.hosts|${view.resource}`,
    };
}
const serviceEntryVisibility = {
    meta: {
        id: service_entry_visibility_id,
        severity: 'warning',
        description: 'ServiceEntries for Dynatrace traffic must be visible (exportTo, defaultServiceExportTo, Sidecar egress) where the traffic starts.',
        docs: docsUrl(service_entry_visibility_id),
        fixable: true,
    },
    check({ head }) {
        const findings = [];
        for (const view of [...head.serviceEntries.map(viewOfEntry), ...operatorEntries(head)]) {
            const consumers = consumersOf(head, view);
            if (consumers.length === 0)
                continue;
            const unexported = consumers.filter((c) => !exportedToNamespace(head, view, c.namespace));
            if (unexported.length > 0)
                findings.push(exportFinding(head, view, unexported));
            const bySidecar = new Map();
            for (const consumer of consumers.filter((c) => !unexported.includes(c))) {
                const sidecar = hiddenBySidecar(head, view, consumer.namespace);
                if (sidecar)
                    bySidecar.set(sidecar, [...(bySidecar.get(sidecar) ?? []), consumer]);
            }
            for (const [sidecar, hidden] of bySidecar)
                findings.push(sidecarFinding(view, sidecar, hidden));
        }
        return findings;
    },
};

;// CONCATENATED MODULE: ./src/model/facts-distribution.ts



const OSSM_IMAGE = /registry\.redhat\.io\/openshift-service-mesh\//;
const OSSM_OPERATOR_PACKAGES = ['servicemeshoperator', 'servicemeshoperator3'];
const POD_SPEC_PATHS = [
    ['spec', 'template', 'spec'],
    ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
    ['spec'],
];
/** Where containers are listed, pod spec by pod spec: made once, every object of the repository is looked at. */
const CONTAINER_LIST_PATHS = POD_SPEC_PATHS.flatMap((specPath) => ['containers', 'initContainers'].map((list) => [...specPath, list]));
function ossmImage(resource) {
    for (const listPath of CONTAINER_LIST_PATHS) {
        const containers = asArray(read_getIn(resource.document.value, listPath));
        for (let index = 0; index < containers.length; index += 1) {
            const image = asString(asRecord(containers[index])?.image);
            if (image && OSSM_IMAGE.test(image))
                return { image, path: [...listPath, index, 'image'] };
        }
    }
    return undefined;
}
function evidenceOf(resource) {
    const id = resourceId(resource);
    const group = apiGroup(resource.apiVersion);
    if (group === 'maistra.io') {
        const primary = resource.kind === 'ServiceMeshControlPlane';
        return { resource, what: `${id} (Maistra / OpenShift Service Mesh 2)`, origin: resource.origin, primary };
    }
    if (group === 'sailoperator.io') {
        const profile = asString(read_getIn(resource.document.value, ['spec', 'profile']));
        if (profile?.startsWith('openshift'))
            return {
                resource,
                what: `${id} with profile ${profile} (OpenShift Service Mesh 3)`,
                origin: originAt(resource, ['spec', 'profile']),
                primary: true,
            };
    }
    if (resource.kind === 'Subscription' && group === 'operators.coreos.com') {
        const name = asString(read_getIn(resource.document.value, ['spec', 'name']));
        if (name && OSSM_OPERATOR_PACKAGES.includes(name))
            return {
                resource,
                what: `${id} installs the OpenShift Service Mesh operator (${name})`,
                origin: originAt(resource, ['spec', 'name']),
                primary: true,
            };
    }
    const image = ossmImage(resource);
    if (image)
        return {
            resource,
            what: `${id} runs the OpenShift Service Mesh image ${image.image}`,
            origin: originAt(resource, image.path),
            primary: true,
        };
    if (resource.kind === 'Namespace' && resource.labels['maistra.io/member-of'] !== undefined)
        return {
            resource,
            what: `${id} is a member of the Maistra control plane in ${resource.labels['maistra.io/member-of']}`,
            origin: originAt(resource, ['metadata', 'labels', 'maistra.io/member-of']),
            primary: false,
        };
    return undefined;
}
/** Evidence of an Istio spin-off in the repository (reference/istio.md §8), in file order. */
function distributionEvidence(model) {
    return model.resources.map(evidenceOf).filter((e) => e !== undefined);
}

;// CONCATENATED MODULE: ./src/rules/unsupported-istio-distribution.ts



const unsupported_istio_distribution_id = 'unsupported-istio-distribution';
const unsupportedIstioDistribution = {
    meta: {
        id: unsupported_istio_distribution_id,
        severity: 'warning',
        description: 'Dynatrace supports upstream Istio only, not Maistra or OpenShift Service Mesh.',
        docs: docsUrl(unsupported_istio_distribution_id),
        fixable: false,
    },
    check({ head }) {
        const evidence = distributionEvidence(head);
        const primary = evidence.filter((e) => e.primary);
        // Control planes and installs each get a finding; mesh members only point at one, so the first stands for all.
        const reported = primary.length > 0 ? primary : evidence.slice(0, 1);
        const others = primary.length > 0 ? 0 : evidence.length - reported.length;
        return reported.map((e) => ({
            message: `${e.what}${others > 0 ? ` (and ${others} more mesh member${others > 1 ? 's' : ''})` : ''}. The guide: ` +
                '"Istio spin-offs are currently not supported (for example, Maistra or OpenShift Service Mesh)." ' +
                'Dynatrace with enableIstio, CNI exclusions and metric merging is documented for upstream Istio only.',
            origin: e.origin,
            resource: resourceId(e.resource),
            field: 'distribution',
            subject: e.resource,
        }));
    },
};

;// CONCATENATED MODULE: ./src/rules/index.ts



















/** Every rule, sorted by id. A new rule is one file in this folder, one line here and its doc page. */
const ALL_RULES = [
    activeGateMeshAccess,
    cniCsiDeadlock,
    configNotEvaluable,
    dynakubeApiVersion,
    dynakubeSpec,
    enableIstioConflict,
    enableIstioDnsLoad,
    enableIstioReapply,
    enableIstioRequired,
    metricScrapingMtls,
    mixedDataplaneModes,
    native_sidecars_nativeSidecars,
    operatorNamespaceInjection,
    registryEgress,
    serviceEntryConflict,
    serviceEntryInvalid,
    serviceEntryVisibility,
    unsupportedIstioDistribution,
].sort((a, b) => byCodeUnits(a.meta.id, b.meta.id));

;// CONCATENATED MODULE: ./src/rules/suppress.ts

/** Annotation that silences rules on one object, like istioctl's `galley.istio.io/analyze-suppress`. */
const SUPPRESS_ANNOTATION = 'dynakube-istio-guard.io/suppress';
/** Rule ids listed in an object's suppression annotation (`*` stands for every rule). */
function suppressedRules(resource) {
    const value = resource.annotations[SUPPRESS_ANNOTATION];
    if (value === undefined)
        return new Set();
    return new Set(value
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''));
}
/** Indexes a model's resources by their `Kind ns/name` id, so findings without an explicit subject resolve too. */
function resourceIndex(model) {
    const index = new Map();
    for (const resource of model.resources) {
        const id = resourceId(resource);
        const list = index.get(id);
        if (list)
            list.push(resource);
        else
            index.set(id, [resource]);
    }
    return index;
}
/**
 * Whether the object a finding is about suppresses `ruleId`. Without an explicit subject, every object of the
 * finding's resource id is consulted (the same object may be written in several files, e.g. a base and a patch).
 */
function isSuppressed(ruleId, draft, index) {
    const subjects = draft.subject ? [draft.subject] : (index.get(draft.resource) ?? []);
    return subjects.some((subject) => {
        const rules = suppressedRules(subject);
        return rules.has('*') || rules.has(ruleId);
    });
}

;// CONCATENATED MODULE: ./src/report/types.ts
/** Attaches the render context without making it part of the JSON contract: it is not enumerable. */
function attachRenderContext(report, context) {
    Object.defineProperty(report, 'context', {
        value: context,
        enumerable: false,
        writable: true,
        configurable: true,
    });
    return report;
}

;// CONCATENATED MODULE: ./src/sources/types.ts
const DEFAULT_SELECTION = {
    include: ['**/*.yaml', '**/*.yml'],
    exclude: [],
};
/** Folders never read: version control internals and installed packages. */
const ALWAYS_SKIPPED_DIRS = new Set(['.git', 'node_modules']);

;// CONCATENATED MODULE: ./src/sources/select.ts


const DEFAULT_INCLUDE = ['**/*.yaml', '**/*.yml'];
/** A path with a segment that is one of {@link ALWAYS_SKIPPED_DIRS}. */
const SKIPPED_SEGMENT = new RegExp(`(?:^|/)(?:${[...ALWAYS_SKIPPED_DIRS].map((dir) => dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?:/|$)`);
/**
 * Builds a predicate over repository-relative paths from include and exclude globs. Each glob is compiled to one
 * regular expression: the predicate runs on every path of both sides, and picomatch's matcher functions cost
 * several times more per path than the expression they test.
 */
function fileMatcher(selection) {
    const included = compile(selection.include.length > 0 ? selection.include : DEFAULT_INCLUDE);
    const excluded = compile(selection.exclude);
    return (path) => path !== '' && !SKIPPED_SEGMENT.test(path) && included(path) && !excluded(path);
}
/** Whether a path matches one of the globs: as picomatch matches, by the expression or by equal text. */
function compile(globs) {
    const patterns = globs.map((glob) => ({ glob, expression: picomatch_default().makeRe(glob, { dot: true }) }));
    return (path) => patterns.some(({ glob, expression }) => path === glob || expression.test(path));
}

;// CONCATENATED MODULE: ./src/sources/directory.ts




/**
 * Options of every read, made once: given as a string, Node copies them into a new object on each of the thousands
 * of calls, which costs a fifth of the read itself.
 */
const AS_TEXT = { encoding: 'utf8', flag: 'r' };
const WITH_TYPES = { withFileTypes: true };
/**
 * Files of a directory tree. Symlinks are not followed, so nothing outside the tree is read. The walk and the
 * reads are synchronous on purpose: for thousands of small files they are several times faster than the
 * promise API, and a check has nothing else to do meanwhile.
 */
function directory_directorySource(root, selection) {
    const absoluteRoot = external_node_path_default().resolve(root);
    const matches = fileMatcher(selection);
    // Files the walk found as regular files need no second lstat before reading.
    const listed = new Set();
    const links = [];
    const readNow = (relative) => {
        try {
            // A listed file is a regular file the walk found inside the tree: nothing to check again.
            if (listed.has(relative))
                return (0,external_node_fs_namespaceObject.readFileSync)(`${absoluteRoot}${(external_node_path_default()).sep}${relative}`, AS_TEXT);
            const target = external_node_path_default().resolve(absoluteRoot, relative);
            // A path not listed may run through a symlinked folder: only its real location decides.
            if (!isInside(absoluteRoot, target) || !(0,external_node_fs_namespaceObject.lstatSync)(target).isFile() || !realInside(absoluteRoot, target))
                return undefined;
            return (0,external_node_fs_namespaceObject.readFileSync)(target, AS_TEXT);
        }
        catch {
            return undefined;
        }
    };
    const listTree = async () => {
        const found = [];
        walk(absoluteRoot, '', found, links);
        const selected = found.filter(matches).sort();
        for (const file of selected)
            listed.add(file);
        return selected;
    };
    // The tree is walked once: a PR's base built on this source lists it again, and must see the same files head saw.
    let listing;
    return {
        label: `directory ${root}`,
        list: () => (listing ??= listTree()),
        readNow,
        async read(relative) {
            return readNow(relative);
        },
        skipped() {
            return links.flatMap((link) => linkNote(absoluteRoot, link, matches));
        },
    };
}
/** A symlink is never followed; one that leaves the tree (or enters `.git`) is named, as a PR may plant it. */
function linkNote(absoluteRoot, link, matches) {
    const full = external_node_path_default().join(absoluteRoot, link);
    let target;
    try {
        target = external_node_path_default().resolve(external_node_path_default().dirname(full), (0,external_node_fs_namespaceObject.readlinkSync)(full));
    }
    catch {
        return [];
    }
    const relative = external_node_path_default().relative(absoluteRoot, target);
    const outside = !isInside(absoluteRoot, target);
    const intoGit = !outside && relative.split((external_node_path_default()).sep).some((segment) => ALWAYS_SKIPPED_DIRS.has(segment));
    if (!outside && !intoGit)
        return [];
    // Folders are named whatever their name; files only when they are among the files to check.
    if (!isDirectory(full) && !matches(link))
        return [];
    const where = outside ? 'outside the workspace' : `into ${relative.split((external_node_path_default()).sep)[0]}/`;
    return [{ file: link, line: 1, reason: `symlink pointing ${where} was not followed` }];
}
/** Whether the link leads to a folder (a dangling link does not). */
function isDirectory(full) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(full).isDirectory();
    }
    catch {
        return false;
    }
}
/** Whether the real location of `target` (symlinks resolved) is inside the real root. */
function realInside(absoluteRoot, target) {
    try {
        return isInside((0,external_node_fs_namespaceObject.realpathSync)(absoluteRoot), (0,external_node_fs_namespaceObject.realpathSync)(target));
    }
    catch {
        return false;
    }
}
function walk(absoluteRoot, relative, found, links) {
    // `relative` is built here from entry names: it needs no normalising.
    const entries = (0,external_node_fs_namespaceObject.readdirSync)(relative ? `${absoluteRoot}${(external_node_path_default()).sep}${relative}` : absoluteRoot, WITH_TYPES);
    for (const entry of entries) {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            if (!ALWAYS_SKIPPED_DIRS.has(entry.name))
                walk(absoluteRoot, child, found, links);
        }
        else if (entry.isFile()) {
            found.push(child);
        }
        else if (entry.isSymbolicLink()) {
            links.push(child);
        }
    }
}
function isInside(root, target) {
    const relative = external_node_path_default().relative(root, target);
    return relative === '' || (!relative.startsWith('..') && !external_node_path_default().isAbsolute(relative));
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/sources/blob-reader.ts

/** Child process pipes are sockets, which can stop keeping the event loop alive. */
const socket = (stream) => stream;
/**
 * Reads blobs through one `git cat-file --batch` process instead of one process per file. Requests are
 * pipelined: git answers them in order, so each answer goes to the oldest waiting request. The process only
 * keeps Node alive while a request waits, and exits by itself when Node closes its stdin.
 */
class BlobReader {
    repo;
    child;
    waiting = [];
    buffered = Buffer.alloc(0);
    failure;
    constructor(repo) {
        this.repo = repo;
    }
    read(oid) {
        if (this.failure)
            return Promise.reject(this.failure);
        const child = this.process();
        return new Promise((resolve, reject) => {
            if (this.waiting.length === 0)
                socket(child.stdout).ref();
            this.waiting.push({ resolve, reject });
            child.stdin.write(`${oid}\n`);
        });
    }
    process() {
        if (this.child)
            return this.child;
        const child = (0,external_node_child_process_namespaceObject.spawn)('git', ['-C', this.repo, 'cat-file', '--batch'], { stdio: 'pipe' });
        child.unref();
        socket(child.stdin).unref();
        socket(child.stdout).unref();
        socket(child.stderr).unref();
        child.stdout.on('data', (chunk) => this.receive(chunk));
        child.stdin.on('error', (error) => this.fail(error));
        child.on('error', (error) => this.fail(error));
        child.on('exit', (code) => this.fail(new Error(`git cat-file exited with code ${code}`)));
        this.child = child;
        return child;
    }
    fail(error) {
        this.failure ??= error;
        for (const pending of this.waiting.splice(0))
            pending.reject(this.failure);
    }
    /** Answers are `<oid> blob <size>\n<content>\n`, or `<oid> missing\n`. */
    receive(chunk) {
        this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
        for (;;) {
            const newline = this.buffered.indexOf(0x0a);
            if (newline < 0)
                return;
            const header = this.buffered.toString('latin1', 0, newline);
            const size = /^\S+ \S+ (\d+)$/.exec(header);
            let content;
            if (size) {
                const length = Number(size[1]);
                const end = newline + 1 + length;
                if (this.buffered.length < end + 1)
                    return;
                content = this.buffered.subarray(newline + 1, end);
                this.buffered = this.buffered.subarray(end + 1);
            }
            else {
                this.buffered = this.buffered.subarray(newline + 1);
            }
            const pending = this.waiting.shift();
            if (this.waiting.length === 0 && this.child)
                socket(this.child.stdout).unref();
            pending?.resolve(content);
        }
    }
}

;// CONCATENATED MODULE: ./src/sources/git.ts




const run = (0,external_node_util_.promisify)(external_node_child_process_namespaceObject.execFile);
const MAX_BUFFER = 256 * 1024 * 1024;
class GitError extends Error {
}
async function git(repo, args) {
    try {
        const { stdout } = await run('git', ['-C', repo, ...args], { maxBuffer: MAX_BUFFER, encoding: 'utf8' });
        return stdout;
    }
    catch (error) {
        const stderr = error.stderr?.trim().split('\n')[0];
        throw new GitError(stderr || error.message);
    }
}
/** The one-line reason for a `--base`/`--head` that names no commit. */
function notARef(repo, ref) {
    return new GitError(`'${ref}' is neither a directory nor a git ref in ${repo}`);
}
/**
 * Checks with one `git rev-parse` that `ref` names a commit (a GitError with a one-line reason if not), and answers
 * where `repo` sits in its work tree: `''` at the top, `sub/` below it.
 */
async function workTreePrefix(repo, ref) {
    const out = await git(repo, ['rev-parse', '--show-prefix', '--verify', '--quiet', `${ref}^{commit}`]).catch(() => '');
    const [prefix = '', commit = ''] = out.split('\n');
    if (!commit.trim())
        throw notARef(repo, ref);
    return prefix.trim();
}
/**
 * Files of a commit in a local repository, listed with `git ls-tree` and read through one `git cat-file --batch`
 * process (regular files only). Blob ids are known without reading, so files equal to the other side's are not read.
 */
async function git_gitRefSource(repo, ref, selection, options = {}) {
    // A ref never starts with `-`; such an argument would reach git as an option.
    if (ref.startsWith('-'))
        throw notARef(repo, ref);
    const matches = fileMatcher(selection);
    const reader = new BlobReader(repo);
    // Every git process starts now and works on the other core while the caller reads the other side; a wrong ref
    // is reported by the first call that needs the files.
    const revision = `${ref}^{commit}`;
    const prefix = workTreePrefix(repo, ref);
    const listing = git(repo, ['ls-tree', '-r', '-z', '--full-tree', revision]).then(regularFiles);
    const { workingTree } = options;
    // Until git answers (or if it cannot), files are compared by blob id.
    let changed;
    /** Blobs asked for as soon as git says which files differ: this side reads every one of them. */
    const early = new Map();
    const askEarly = (blobs, paths) => {
        for (const path of paths) {
            const blob = blobs.get(path);
            if (blob === undefined || !matches(path))
                continue;
            const content = reader.read(blob);
            content.catch(() => undefined); // read() reports a failure when the file is asked for
            early.set(path, content);
        }
    };
    const diffing = workingTree
        ? changedInWorkingTree(repo, revision, prefix).then(async (paths) => {
            changed = paths;
            if (paths)
                askEarly(await listing.catch(() => new Map()), paths);
        })
        : undefined;
    for (const pending of [prefix, listing])
        pending.catch(() => undefined);
    const listBlobs = async () => {
        await prefix; // a wrong ref gets the one-line reason above, not ls-tree's message
        return listing;
    };
    return {
        label: `git ref ${ref}`,
        async list() {
            const blobs = await listBlobs();
            await diffing;
            return [...blobs.keys()].filter(matches).sort();
        },
        sameFileIn: (path) => (changed && !changed.has(path) ? workingTree : undefined),
        async blobId(path) {
            // A file git found changed differs from the working tree's: no need to hash that one to compare.
            if (changed?.has(path))
                return undefined;
            return (await listBlobs()).get(path);
        },
        async read(path) {
            const blob = (await listBlobs()).get(path);
            if (!blob)
                return undefined;
            try {
                const asked = early.get(path);
                early.delete(path);
                return (await (asked ?? reader.read(blob)))?.toString('utf8');
            }
            catch (error) {
                throw new GitError(`cannot read ${path} at ${ref}: ${error.message}`);
            }
        },
    };
}
/** `git ls-tree -r -z` output → path → blob id of the regular files (symlinks are skipped, never followed). */
function regularFiles(out) {
    const blobs = new Map();
    for (const record of out.split('\0')) {
        // `<mode> blob <id>\t<path>`; modes 100644 and 100755 are regular files, 120000 a symlink.
        const tab = record.indexOf('\t');
        if (tab < 0 || !record.startsWith('100') || !record.startsWith(' blob ', 6))
            continue;
        blobs.set(record.slice(tab + 1), record.slice(12, tab));
    }
    return blobs;
}
/**
 * Paths whose working-tree file differs from `commit` (modified, deleted, untracked, type changed), as
 * `git diff` sees them: content after git's own filters, so a file that differs only by checkout line endings is
 * the same file. Undefined when git cannot say (no working tree, or `repo` is not its top folder).
 */
async function changedInWorkingTree(repo, revision, prefix) {
    const diffArgs = [
        'diff',
        '--name-only',
        '--no-relative',
        '--no-renames',
        '--no-ext-diff',
        '-z',
        revision,
        '--',
    ];
    try {
        const [where, out] = await Promise.all([prefix, git(repo, diffArgs)]);
        // Paths of the working tree are relative to `repo`, git's to the top folder: only the same folder compares.
        return where === '' ? new Set(out.split('\0').filter(Boolean)) : undefined;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/engine.ts
















/** Files larger than this are skipped with a note: manifests are small, and a huge file is not config. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
class InputError extends (/* unused pure expression or super */ null && (Error)) {
}
/** A `--base`/`--head` argument: a directory is read as a tree; anything else is a git ref in `repo`. */
async function resolveSource(repo, spec, selection, workingTree) {
    const asDirectory = path.resolve(repo, spec);
    const stat = await fs.stat(asDirectory).catch(() => undefined);
    if (stat?.isDirectory())
        return directorySource(asDirectory, selection);
    try {
        return await gitRefSource(repo, spec, selection, workingTree ? { workingTree } : {});
    }
    catch (error) {
        throw new InputError(error.message);
    }
}
/** Runs `work` and adds its wall time to `phase`, and to the side's own figures when given. */
async function timed(stats, phase, work, side) {
    const start = performance.now();
    try {
        return await work();
    }
    finally {
        const ms = Math.round(performance.now() - start);
        stats.phases[phase] += ms;
        if (side)
            side[phase] = (side[phase] ?? 0) + ms;
    }
}
/** {@link ParseCache.readNow}'s answer when the file can only be read asynchronously. */
const LATER = Symbol('read later');
/** The git blob id of a text, so files from a directory and from a git ref are compared without reading both. */
function gitBlobId(text) {
    return (0,external_node_crypto_.createHash)('sha1')
        .update(`blob ${Buffer.byteLength(text)}\0`)
        .update(text, 'utf8')
        .digest('hex');
}
/**
 * Reads and parses each distinct (path, content) once: a file that base and head share (the source says so, or
 * their git blob ids or texts are equal) is neither read again nor parsed again. Blob ids of files read from a
 * directory are computed only when a git source's file must be compared with them.
 */
class ParseCache {
    stats = {
        files: 0,
        documents: 0,
        filesRead: 0,
        documentsParsed: 0,
        reused: 0,
        phases: { read: 0, parse: 0, build: 0, analyze: 0, generate: 0 },
        sides: [],
    };
    /**
     * What each source read, by path: a source built on another one takes its unchanged files from here, and a file
     * read again (by another source) is looked for here by text or blob id: a run has two or three sources, so no
     * second index of every content by path is kept.
     */
    bySource = new Map();
    prefilter;
    /** The inputs and the model of the side built last. */
    lastBuilt;
    constructor(options = {}) {
        this.prefilter = options.prefilter ?? true;
    }
    /**
     * Reads one file now when no promise is needed (a file shared with another source, or a source that reads
     * synchronously); {@link LATER} otherwise. A directory of ten thousand files is read without ten thousand promises.
     */
    readNow(source, path) {
        this.stats.files++;
        const shared = this.sharedRead(source, path);
        if (shared)
            return shared;
        if (!source.readNow || source.blobId)
            return LATER;
        const text = source.readNow(path);
        return text === undefined ? undefined : this.remember(source, path, this.accept(path, text, undefined));
    }
    /** Reads one file that {@link readNow} left for later. */
    async readLater(source, path) {
        const blob = source.blobId ? await source.blobId(path) : undefined;
        const known = blob === undefined ? undefined : this.withBlob(path, blob);
        if (known) {
            this.stats.reused++;
            return this.remember(source, path, known);
        }
        const text = await source.read(path);
        return text === undefined ? undefined : this.remember(source, path, this.accept(path, text, blob));
    }
    /** The read of the source this one shares the file with (a PR's base built on its head). */
    sharedRead(source, path) {
        const owner = source.sameFileIn?.(path);
        const known = owner && this.bySource.get(owner)?.get(path);
        if (!known)
            return undefined;
        this.stats.reused++;
        return this.remember(source, path, known);
    }
    remember(source, path, read) {
        let files = this.bySource.get(source);
        if (!files)
            this.bySource.set(source, (files = new Map()));
        files.set(path, read);
        return read;
    }
    /** A read of `path` by a source read so far that `matches`. */
    earlierRead(path, matches) {
        for (const files of this.bySource.values()) {
            const read = files.get(path);
            if (read && matches(read))
                return read;
        }
        return undefined;
    }
    /** A read of `path` with this blob id; reads whose id is unknown are hashed now, once. */
    withBlob(path, blob) {
        return this.earlierRead(path, (read) => (read.blob ??= gitBlobId(read.text)) === blob);
    }
    /** A text just read: the earlier read of the same path and text when there is one, else a new plan. */
    accept(path, text, blob) {
        this.stats.filesRead++;
        const same = this.earlierRead(path, (read) => read.text === text);
        if (same) {
            this.stats.reused++;
            same.blob ??= blob;
            return same;
        }
        const read = this.plan(path, text);
        if (blob !== undefined)
            read.blob = blob;
        return read;
    }
    plan(path, text) {
        const skipped = (line, reason) => ({
            path,
            text,
            spans: undefined,
            skipped: { file: path, line, reason },
        });
        // UTF-8 needs at most 3 bytes per UTF-16 unit, so only long texts need their bytes counted.
        if (text.length > MAX_FILE_BYTES ||
            (text.length > MAX_FILE_BYTES / 3 && Buffer.byteLength(text) > MAX_FILE_BYTES)) {
            return skipped(1, `file is larger than ${MAX_FILE_BYTES} bytes and was not read`);
        }
        if (text.includes('\u0000'))
            return skipped(1, 'file is binary, not YAML');
        const replaced = text.indexOf('\uFFFD');
        if (replaced >= 0) {
            // Sources decode bytes that are not UTF-8 as U+FFFD. The API server rejects such a file, and the names and
            // values read from it would be guesses.
            return skipped(text.slice(0, replaced).split('\n').length, 'file is not valid UTF-8 and was not read');
        }
        return { path, text, spans: this.prefilter ? planDocuments(text) : undefined };
    }
    /** Parses the files of one side: each (path, content, kept documents) once across base and head. */
    parseSide(files) {
        const decisions = this.prefilter ? decideDocuments(files) : undefined;
        return files.map((file, index) => {
            const parsed = this.parseOnce(file, decisions?.[index]);
            this.stats.documents += parsed.documents;
            return parsed.parsed;
        });
    }
    /** The model of a side: the one built last when its inputs give the same model, else a new one. */
    model(inputs) {
        if (this.lastBuilt && sameModelInputs(this.lastBuilt.inputs, inputs))
            return this.lastBuilt.model;
        const model = buildModel(inputs.parsed, inputs.options);
        for (const note of inputs.notes)
            model.notEvaluable.push(note);
        this.lastBuilt = { inputs, model };
        return model;
    }
    parseOnce(file, keep) {
        if (keep && !keep.includes(true))
            return (file.nothingKept ??= parseKept(file.path, file.text, file.spans, keep));
        // A file has one or two sets of flags (its ConfigMaps kept on one side only): a list, not a map.
        const known = file.parses?.find((parse) => sameFlags(parse.keep, keep));
        if (known)
            return known.parsed;
        const parsed = parseKept(file.path, file.text, file.spans, keep);
        this.stats.documentsParsed += parsed.parsedDocuments;
        (file.parses ??= []).push({ keep, parsed });
        return parsed;
    }
}
/** Whether two sets of keep flags (undefined: keep all) are the same. */
function sameFlags(a, b) {
    if (a === b)
        return true;
    return !!a && !!b && a.length === b.length && a.every((flag, index) => flag === b[index]);
}
/**
 * Whether two sides give the same model: the same paths, and for each the same parse (base and head share the
 * parse of every file they share) or no document and no problem on both sides. A pull request that changes
 * only documents the pre-filter drops (a Service, a Role) has such sides; its base then is the head's model.
 */
function sameModelInputs(a, b) {
    const empty = (file) => file.documents.length === 0 && file.problems.length === 0;
    return (JSON.stringify(a.options) === JSON.stringify(b.options) &&
        a.parsed.length === b.parsed.length &&
        a.parsed.every((file, index) => {
            const other = b.parsed[index];
            return file === other || (file.file === other.file && empty(file) && empty(other));
        }) &&
        JSON.stringify(a.notes) === JSON.stringify(b.notes));
}
/** Git sources pipeline their reads: this many files are asked for at once. */
const READS_IN_FLIGHT = 64;
/**
 * Milliseconds of synchronous reading between two turns of the event loop. Git runs meanwhile on the other core
 * (the other side's `ls-tree` and `diff`); its output is taken in at each turn, so its pipe never stays full while
 * thousands of files are read. Timed rather than counted: a side whose files are all shared with the other one
 * (a PR's base) goes through ten thousand paths in a few milliseconds and needs no turn.
 */
const MS_PER_TURN = 8;
/** Files read between two looks at the clock (a few hundred microseconds of reading). */
const FILES_PER_CLOCK_READ = 16;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
/** Lists and reads every file of a source: at once what needs no promise, the rest a few at a time. */
async function readAll(source, cache) {
    const paths = await source.list();
    const read = [];
    let turnStart = performance.now();
    for (const path of paths) {
        read.push(cache.readNow(source, path));
        // Reading the clock costs about as much as deciding a shared file: it is read every few files.
        if (read.length % FILES_PER_CLOCK_READ === 0 && performance.now() - turnStart > MS_PER_TURN) {
            await nextTurn();
            turnStart = performance.now();
        }
    }
    const later = read.flatMap((file, index) => (file === LATER ? [index] : []));
    let next = 0;
    const worker = async () => {
        while (next < later.length) {
            const index = later[next++];
            read[index] = await cache.readLater(source, paths[index]);
        }
    };
    await Promise.all(Array.from({ length: Math.min(READS_IN_FLIGHT, later.length) }, worker));
    return read;
}
async function loadModel(source, cache, options = {}) {
    const side = { read: 0, parse: 0, build: 0 };
    cache.stats.sides.push(side);
    const read = await timed(cache.stats, 'read', () => readAll(source, cache), side);
    const planned = [];
    const skipped = [];
    for (const file of read) {
        if (file?.skipped)
            skipped.push(file.skipped);
        else if (file)
            planned.push(file);
    }
    const parsed = await timed(cache.stats, 'parse', () => cache.parseSide(planned), side);
    const notes = [...skipped, ...(source.skipped?.() ?? [])];
    return timed(cache.stats, 'build', () => cache.model({ parsed, notes, options }), side);
}
function runRules(rules, context, settings) {
    const findings = [];
    const index = resourceIndex(context.head);
    for (const rule of rules) {
        const setting = settings[rule.meta.id];
        if (setting === 'off')
            continue;
        for (const draft of rule.check(context)) {
            if (isSuppressed(rule.meta.id, draft, index))
                continue;
            findings.push(toFinding(rule, draft, setting));
        }
    }
    return findings;
}
/** Values the rules needed but could not know, for the report's `notEvaluable` (never findings). */
function ruleNotes(rules, context, settings) {
    return rules
        .filter((rule) => settings[rule.meta.id] !== 'off' && rule.notEvaluable)
        .flatMap((rule) => rule.notEvaluable(context));
}
function toFinding(rule, draft, override) {
    return {
        ruleId: rule.meta.id,
        severity: override ?? draft.severity ?? rule.meta.severity,
        message: draft.message,
        file: draft.origin.file,
        line: draft.origin.line,
        endLine: draft.origin.endLine ?? draft.origin.line,
        resource: draft.resource,
        docs: rule.meta.docs || docsUrl(rule.meta.id),
        ...(draft.fix ? { fix: draft.fix } : {}),
        key: `${rule.meta.id}|${draft.resource}|${draft.field}`,
    };
}
/** Findings on head are `new` or `unchanged` by their key; base findings missing on head are `fixed`. */
function withStatuses(head, base) {
    if (!base)
        return head.map((finding) => ({ ...finding, status: 'new' }));
    const baseKeys = new Set(base.map((finding) => finding.key));
    const headKeys = new Set(head.map((finding) => finding.key));
    return [
        ...head.map((finding) => ({
            ...finding,
            status: baseKeys.has(finding.key) ? 'unchanged' : 'new',
        })),
        ...base
            .filter((finding) => !headKeys.has(finding.key))
            .map((finding) => ({ ...finding, status: 'fixed' })),
    ];
}
function summarize(findings) {
    const open = findings.filter((f) => f.status !== 'fixed');
    return {
        errors: open.filter((f) => f.severity === 'error').length,
        warnings: open.filter((f) => f.severity === 'warning').length,
        infos: open.filter((f) => f.severity === 'info').length,
        new: findings.filter((f) => f.status === 'new').length,
        unchanged: findings.filter((f) => f.status === 'unchanged').length,
        fixed: findings.filter((f) => f.status === 'fixed').length,
    };
}
/** Runs the rules on head (and base, for statuses) and assembles the report. */
function analyze(head, base, options = {}) {
    const rules = options.rules ?? ALL_RULES;
    const settings = options.settings ?? {};
    const headContext = { head, ...(base ? { base } : {}) };
    const headFindings = runRules(rules, headContext, settings);
    // A base that is head's own model (the PR changed nothing a rule reads) has head's findings: rules report a
    // difference between base and head only when there is one (a test holds every rule to it).
    const baseFindings = !base
        ? undefined
        : base === head
            ? headFindings
            : runRules(rules, { head: base }, settings);
    const findings = sortFindings(withStatuses(headFindings, baseFindings));
    const report = {
        version: 1,
        summary: summarize(findings),
        findings,
        generated: [],
        changes: base ? diffModels(base, head) : [],
        notEvaluable: limitNotesPerFile(dedupeNotes([...head.notEvaluable, ...ruleNotes(rules, headContext, settings)])),
    };
    const egress = egressMap(head, base);
    attachRenderContext(report, { files: head.files, ...(egress ? { egress } : {}) });
    return { report, head, ...(base ? { base } : {}) };
}
function sortFindings(findings) {
    const statusRank = { new: 0, unchanged: 1, fixed: 2 };
    return findings.sort((a, b) => statusRank[a.status] - statusRank[b.status] ||
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
        byCodeUnits(a.file, b.file) ||
        a.line - b.line ||
        byCodeUnits(a.ruleId, b.ruleId));
}
function dedupeNotes(notes) {
    const seen = new Set();
    return notes.filter((note) => {
        const key = `${note.file}:${note.line}:${note.reason}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/** Whether the check fails: findings at or above `failOn`, counting only new ones unless the scope is `all`. */
function shouldFail(report, failOn, scope) {
    if (failOn === 'never')
        return false;
    return report.findings.some((finding) => finding.status !== 'fixed' &&
        (scope === 'all' || finding.status === 'new') &&
        SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn]);
}
/** Fills `report.generated` from the head model; what could not be generated joins `notEvaluable`. */
async function addGenerated(analysis, options = {}) {
    const { generated, notes } = await generateManifests(analysis.head, options);
    analysis.report.generated = generated;
    analysis.report.notEvaluable = dedupeNotes([...analysis.report.notEvaluable, ...notes]);
    return analysis;
}
/** The whole check for the CLI: read base and head, build both models, run the rules. */
async function check(options) {
    const cache = new ParseCache({ ...(options.prefilter === false ? { prefilter: false } : {}) });
    const headSource = options.head
        ? await resolveSource(options.repo, options.head, options.selection)
        : directorySource(options.repo, options.selection);
    const baseSource = options.base
        ? await resolveSource(options.repo, options.base, options.selection, 
        // Without `--head`, head is the checked-out tree: git tells which of its files base shares.
        options.head ? undefined : headSource)
        : undefined;
    const build = options.charts ? { charts: options.charts } : {};
    const head = await loadModel(headSource, cache, build);
    const base = baseSource ? await loadModel(baseSource, cache, build) : undefined;
    const analyzed = await timed(cache.stats, 'analyze', () => analyze(head, base, options));
    const analysis = await timed(cache.stats, 'generate', () => addGenerated(analyzed, options.generate));
    return { ...analysis, stats: cache.stats };
}

;// CONCATENATED MODULE: ./src/report/escape.ts
/** Every line ending CommonMark knows: a lone `\r` ends a line too, so it can start a new block. */
const LINE_ENDING = /\r\n|\r|\n/g;
/** Length of the longest run of backticks; a loop, because a spread of a huge match list overflows the stack. */
function longestBacktickRun(text) {
    let longest = 0;
    for (const run of text.match(/`+/g) ?? [])
        longest = Math.max(longest, run.length);
    return longest;
}
/**
 * Escaping for text taken from manifests before it goes into markdown: no HTML, no @mentions, no math (`$`), no
 * breaking out of a table cell or inline code.
 */
function escapeMarkdown(text) {
    return (text
        .replace(/[\\`*_{}[\]()#+!|~&$]/g, (c) => `\\${c}`)
        // Entities, not backslashes: a literal autolink can swallow the backslash before it (`https://x\<img>`).
        .replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
        // No literal autolinks either: they can swallow the escapes after them and re-pair code spans into a link.
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(/@(?=\w)/g, '@\u200b')
        .replace(LINE_ENDING, ' '));
}
/** Inline code that cannot be broken out of: the fence is longer than any backtick run inside. */
function inlineCode(text) {
    const clean = text.replace(LINE_ENDING, ' ');
    const longest = longestBacktickRun(clean);
    const fence = '`'.repeat(longest + 1);
    const pad = clean.startsWith('`') || clean.endsWith('`') || clean === '' ? ' ' : '';
    return `${fence}${pad}${clean}${pad}${fence}`;
}
/** Inline code inside a table cell: GFM splits cells on `|` even in code spans unless it is escaped. */
function cellCode(text) {
    // A backslash right before the pipe would escape the escape: `\\|` ends the cell. Each one is doubled, so the
    // pipe is always preceded by an odd run (the cell shows the backslashes doubled; it cannot show them as they are).
    return inlineCode(text).replace(/(\\*)\|/g, (_, slashes) => `${slashes}${slashes}\\|`);
}
/** A fenced block whose fence is longer than any backtick run in the content. */
function codeBlock(content, language = '') {
    const lines = content.replace(LINE_ENDING, '\n');
    const fence = '`'.repeat(Math.max(2, longestBacktickRun(lines)) + 1);
    return `${fence}${language}\n${lines.replace(/\n$/, '')}\n${fence}`;
}
/**
 * Prose written by a rule that quotes manifest values: `code spans` stay code (safe whatever they hold), the
 * rest is escaped. Lets messages keep their formatting without trusting what they quote.
 */
function escapeProse(text) {
    return text
        .replace(LINE_ENDING, ' ')
        .split(/(`[^`]+`)/)
        .map((part, index) => (index % 2 === 1 ? inlineCode(part.slice(1, -1)) : escapeMarkdown(part)))
        .join('');
}
/** Text inside raw HTML (a `<summary>`), where markdown is not parsed: entities only. */
function escapeHtml(text) {
    // An entity-encoded `@` is still an @ in the text GitHub scans for mentions: a zero-width space follows it.
    return text
        .replace(LINE_ENDING, ' ')
        .replace(/[&<>"'`@|]/g, (c) => `&#${c.codePointAt(0)};${c === '@' ? '&#8203;' : ''}`);
}

;// CONCATENATED MODULE: ./src/report/format.ts
/** Cell text longer than this is cut: a table row must stay readable. */
const MAX_VALUE_CHARS = 160;
function cut(text, max = MAX_VALUE_CHARS) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
/** A setting's value as a reviewer reads it; `—` for absent. */
function formatValue(value) {
    if (value === null || value === undefined)
        return '—';
    if (Array.isArray(value))
        return value.length === 0 ? '[]' : cut(value.map(formatValue).join(', '));
    if (typeof value === 'object')
        return cut(Object.entries(value)
            .map(([key, item]) => `${key}: ${formatValue(item)}`)
            .join('; '));
    return cut(String(value));
}
/** What a change row calls the setting: the resource itself when it was added or removed. */
function changeSetting(change) {
    if (change.path !== '')
        return change.path;
    return change.before === null ? 'added' : change.after === null ? 'removed' : '(resource)';
}
const SEVERITIES = ['error', 'warning', 'info'];
const SEVERITY_WORD = {
    error: ['error', 'errors'],
    warning: ['warning', 'warnings'],
    info: ['note', 'notes'],
};
function plural(count, severity) {
    return `${count} ${SEVERITY_WORD[severity][count === 1 ? 0 : 1]}`;
}
function bySeverity(report, status) {
    const group = report.findings.filter((f) => f.status === status);
    const parts = SEVERITIES.map((severity) => [severity, group.filter((f) => f.severity === severity).length])
        .filter(([, count]) => count > 0)
        .map(([severity, count]) => plural(count, severity));
    return `${group.length} ${status}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
/** The outcome a reviewer sees first: new errors fail, other new findings need a look. */
function outcome(report) {
    const fresh = report.findings.filter((f) => f.status === 'new');
    if (fresh.some((f) => f.severity === 'error'))
        return 'fail';
    return fresh.length > 0 ? 'attention' : 'pass';
}
/** The verdict's words without decoration: the headline and the counts by status and severity. */
function verdictParts(report) {
    const fresh = report.findings.filter((f) => f.status === 'new');
    const newErrors = fresh.filter((f) => f.severity === 'error').length;
    const headline = newErrors > 0
        ? `${plural(newErrors, 'error')} introduced`
        : fresh.length > 0
            ? 'no new errors, new findings to review'
            : 'no new findings';
    const counts = [
        bySeverity(report, 'new'),
        bySeverity(report, 'unchanged'),
        bySeverity(report, 'fixed'),
    ].join(' · ');
    return { headline, counts };
}
function summaryLine(summary) {
    return `${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.infos} note(s) open`;
}

;// CONCATENATED MODULE: ./src/report/mermaid.ts
/**
 * Text for a Mermaid label: characters outside a small safe set become Mermaid entity codes (`#60;`), so no
 * manifest value can close the label, inject HTML or end the code fence.
 */
function escapeMermaid(text) {
    return [...text]
        .map((char) => (/^[A-Za-z0-9 .,:/_()=+-]$/.test(char) ? char : `#${char.codePointAt(0)};`))
        .join('');
}
function label(text) {
    return `"${text.split('\n').map(escapeMermaid).join('<br/>')}"`;
}
function nodeLine(node) {
    const shape = node.place === 'external' ? `([${label(node.label)}])` : `[${label(node.label)}]`;
    return `${node.id}${shape}`;
}
function edgeText(edge) {
    if (!edge.blocked)
        return edge.label;
    return `${edge.newlyBlocked ? 'BLOCKED by this PR' : 'BLOCKED'}: ${edge.blocked}`;
}
/** The egress map as a Mermaid flowchart: in-mesh components in their own box, blocked paths crossed and red. */
function renderMermaid(map) {
    const inMesh = map.nodes.filter((node) => node.place === 'cluster' && node.inMesh);
    const outside = map.nodes.filter((node) => node.place === 'cluster' && !node.inMesh);
    const external = map.nodes.filter((node) => node.place === 'external');
    const lines = ['flowchart LR', '  subgraph cluster["Kubernetes cluster"]'];
    if (inMesh.length > 0) {
        lines.push('    subgraph mesh["in the Istio mesh"]');
        lines.push(...inMesh.map((node) => `      ${nodeLine(node)}`));
        lines.push('    end');
    }
    lines.push(...outside.map((node) => `    ${nodeLine(node)}`));
    if (map.omittedNamespaces > 0)
        lines.push(`    more["${map.omittedNamespaces} more monitored namespaces not shown"]`);
    lines.push('  end', '  subgraph outside["outside the cluster"]');
    lines.push(...external.map((node) => `    ${nodeLine(node)}`), '  end');
    const blocked = [];
    map.edges.forEach((edge, index) => {
        const arrow = edge.blocked ? '--x' : '-->';
        lines.push(`  ${edge.from} ${arrow}|${label(edgeText(edge))}| ${edge.to}`);
        if (edge.blocked)
            blocked.push(index);
    });
    if (blocked.length > 0)
        lines.push(`  linkStyle ${blocked.join(',')} stroke:#d1242f,stroke-width:3px,color:#d1242f`);
    lines.push('  classDef meshed fill:#ddf4ff,stroke:#0969da');
    if (inMesh.length > 0)
        lines.push(`  class ${inMesh.map((node) => node.id).join(',')} meshed`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./node_modules/diff/libesm/diff/base.js
class Diff {
    diff(oldStr, newStr, 
    // Type below is not accurate/complete - see above for full possibilities - but it compiles
    options = {}) {
        let callback;
        if (typeof options === 'function') {
            callback = options;
            options = {};
        }
        else if ('callback' in options) {
            callback = options.callback;
        }
        // Allow subclasses to massage the input prior to running
        const oldString = this.castInput(oldStr, options);
        const newString = this.castInput(newStr, options);
        const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
        const newTokens = this.removeEmpty(this.tokenize(newString, options));
        return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
    }
    diffWithOptionsObj(oldTokens, newTokens, options, callback) {
        var _a;
        const done = (value) => {
            value = this.postProcess(value, options);
            if (callback) {
                setTimeout(function () { callback(value); }, 0);
                return undefined;
            }
            else {
                return value;
            }
        };
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let editLength = 1;
        let maxEditLength = newLen + oldLen;
        if (options.maxEditLength != null) {
            maxEditLength = Math.min(maxEditLength, options.maxEditLength);
        }
        const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
        const abortAfterTimestamp = Date.now() + maxExecutionTime;
        const bestPath = [{ oldPos: -1, lastComponent: undefined }];
        // Seed editLength = 0, i.e. the content starts with the same values
        let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
        if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
            // Identity per the equality and tokenizer
            return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
        }
        // Once we hit the right edge of the edit graph on some diagonal k, we can
        // definitely reach the end of the edit graph in no more than k edits, so
        // there's no point in considering any moves to diagonal k+1 any more (from
        // which we're guaranteed to need at least k+1 more edits).
        // Similarly, once we've reached the bottom of the edit graph, there's no
        // point considering moves to lower diagonals.
        // We record this fact by setting minDiagonalToConsider and
        // maxDiagonalToConsider to some finite value once we've hit the edge of
        // the edit graph.
        // This optimization is not faithful to the original algorithm presented in
        // Myers's paper, which instead pointlessly extends D-paths off the end of
        // the edit graph - see page 7 of Myers's paper which notes this point
        // explicitly and illustrates it with a diagram. This has major performance
        // implications for some common scenarios. For instance, to compute a diff
        // where the new text simply appends d characters on the end of the
        // original text of length n, the true Myers algorithm will take O(n+d^2)
        // time while this optimization needs only O(n+d) time.
        let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
        // Main worker method. checks all permutations of a given edit length for acceptance.
        const execEditLength = () => {
            for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
                let basePath;
                const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
                if (removePath) {
                    // No one else is going to attempt to use this value, clear it
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath - 1] = undefined;
                }
                let canAdd = false;
                if (addPath) {
                    // what newPos will be after we do an insertion:
                    const addPathNewPos = addPath.oldPos - diagonalPath;
                    canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
                }
                const canRemove = removePath && removePath.oldPos + 1 < oldLen;
                if (!canAdd && !canRemove) {
                    // If this path is a terminal then prune
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath] = undefined;
                    continue;
                }
                // Select the diagonal that we want to branch from. We select the prior
                // path whose position in the old string is the farthest from the origin
                // and does not pass the bounds of the diff graph
                if (!canRemove || (canAdd && removePath.oldPos < addPath.oldPos)) {
                    basePath = this.addToPath(addPath, true, false, 0, options);
                }
                else {
                    basePath = this.addToPath(removePath, false, true, 1, options);
                }
                newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
                if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
                    // If we have hit the end of both strings, then we are done
                    return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
                }
                else {
                    bestPath[diagonalPath] = basePath;
                    if (basePath.oldPos + 1 >= oldLen) {
                        maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
                    }
                    if (newPos + 1 >= newLen) {
                        minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
                    }
                }
            }
            editLength++;
        };
        // Performs the length of edit iteration. Is a bit fugly as this has to support the
        // sync and async mode which is never fun. Loops over execEditLength until a value
        // is produced, or until the edit length exceeds options.maxEditLength (if given),
        // in which case it will return undefined.
        if (callback) {
            (function exec() {
                setTimeout(function () {
                    if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
                        return callback(undefined);
                    }
                    if (!execEditLength()) {
                        exec();
                    }
                }, 0);
            }());
        }
        else {
            while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
                const ret = execEditLength();
                if (ret) {
                    return ret;
                }
            }
        }
    }
    addToPath(path, added, removed, oldPosInc, options) {
        const last = path.lastComponent;
        if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: last.count + 1, added: added, removed: removed, previousComponent: last.previousComponent }
            };
        }
        else {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: 1, added: added, removed: removed, previousComponent: last }
            };
        }
    }
    extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
        while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
            newPos++;
            oldPos++;
            commonCount++;
            if (options.oneChangePerToken) {
                basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
            }
        }
        if (commonCount && !options.oneChangePerToken) {
            basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
        }
        basePath.oldPos = oldPos;
        return newPos;
    }
    equals(left, right, options) {
        if (options.comparator) {
            return options.comparator(left, right);
        }
        else {
            return left === right
                || (!!options.ignoreCase && left.toLowerCase() === right.toLowerCase());
        }
    }
    removeEmpty(array) {
        const ret = [];
        for (let i = 0; i < array.length; i++) {
            if (array[i]) {
                ret.push(array[i]);
            }
        }
        return ret;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    castInput(value, options) {
        return value;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    tokenize(value, options) {
        return Array.from(value);
    }
    join(chars) {
        // Assumes ValueT is string, which is the case for most subclasses.
        // When it's false, e.g. in diffArrays, this method needs to be overridden (e.g. with a no-op)
        // Yes, the casts are verbose and ugly, because this pattern - of having the base class SORT OF
        // assume tokens and values are strings, but not completely - is weird and janky.
        return chars.join('');
    }
    postProcess(changeObjects, 
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    options) {
        return changeObjects;
    }
    get useLongestToken() {
        return false;
    }
    buildValues(lastComponent, newTokens, oldTokens) {
        // First we convert our linked list of components in reverse order to an
        // array in the right order:
        const components = [];
        let nextComponent;
        while (lastComponent) {
            components.push(lastComponent);
            nextComponent = lastComponent.previousComponent;
            delete lastComponent.previousComponent;
            lastComponent = nextComponent;
        }
        components.reverse();
        const componentLen = components.length;
        let componentPos = 0, newPos = 0, oldPos = 0;
        for (; componentPos < componentLen; componentPos++) {
            const component = components[componentPos];
            if (!component.removed) {
                if (!component.added && this.useLongestToken) {
                    let value = newTokens.slice(newPos, newPos + component.count);
                    value = value.map(function (value, i) {
                        const oldValue = oldTokens[oldPos + i];
                        return oldValue.length > value.length ? oldValue : value;
                    });
                    component.value = this.join(value);
                }
                else {
                    component.value = this.join(newTokens.slice(newPos, newPos + component.count));
                }
                newPos += component.count;
                // Common case
                if (!component.added) {
                    oldPos += component.count;
                }
            }
            else {
                component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
                oldPos += component.count;
            }
        }
        return components;
    }
}

;// CONCATENATED MODULE: ./node_modules/diff/libesm/diff/line.js


class LineDiff extends Diff {
    constructor() {
        super(...arguments);
        this.tokenize = tokenize;
    }
    equals(left, right, options) {
        // If we're ignoring whitespace, we need to normalise lines by stripping
        // whitespace before checking equality. (This has an annoying interaction
        // with newlineIsToken that requires special handling: if newlines get their
        // own token, then we DON'T want to trim the *newline* tokens down to empty
        // strings, since this would cause us to treat whitespace-only line content
        // as equal to a separator between lines, which would be weird and
        // inconsistent with the documented behavior of the options.)
        if (options.ignoreWhitespace) {
            if (!options.newlineIsToken || !left.includes('\n')) {
                left = left.trim();
            }
            if (!options.newlineIsToken || !right.includes('\n')) {
                right = right.trim();
            }
        }
        else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
            if (left.endsWith('\n')) {
                left = left.slice(0, -1);
            }
            if (right.endsWith('\n')) {
                right = right.slice(0, -1);
            }
        }
        return super.equals(left, right, options);
    }
}
const lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
    return lineDiff.diff(oldStr, newStr, options);
}
function diffTrimmedLines(oldStr, newStr, options) {
    options = generateOptions(options, { ignoreWhitespace: true });
    return lineDiff.diff(oldStr, newStr, options);
}
// Exported standalone so it can be used from jsonDiff too.
function tokenize(value, options) {
    if (options.stripTrailingCr) {
        // remove one \r before \n to match GNU diff's --strip-trailing-cr behavior
        value = value.replace(/\r\n/g, '\n');
    }
    const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
    // Ignore the final empty token that occurs if the string ends with a new line
    if (!linesAndNewlines[linesAndNewlines.length - 1]) {
        linesAndNewlines.pop();
    }
    // Merge the content and line separators into single tokens
    for (let i = 0; i < linesAndNewlines.length; i++) {
        const line = linesAndNewlines[i];
        if (i % 2 && !options.newlineIsToken) {
            retLines[retLines.length - 1] += line;
        }
        else {
            retLines.push(line);
        }
    }
    return retLines;
}

;// CONCATENATED MODULE: ./node_modules/diff/libesm/patch/create.js

/**
 * Returns true if the filename contains characters that require C-style
 * quoting (as used by Git and GNU diffutils in diff output).
 */
function needsQuoting(s) {
    for (let i = 0; i < s.length; i++) {
        if (s[i] < '\x20' || s[i] > '\x7e' || s[i] === '"' || s[i] === '\\') {
            return true;
        }
    }
    return false;
}
/**
 * C-style quotes a filename, encoding special characters as escape sequences
 * and non-ASCII bytes as octal escapes. This is the inverse of
 * `parseQuotedFileName` in parse.ts.
 *
 * Non-ASCII bytes are encoded as UTF-8 before being emitted as octal escapes.
 * This matches the behaviour of both Git and GNU diffutils, which always emit
 * UTF-8 octal escapes regardless of the underlying filesystem encoding (e.g.
 * Git for Windows converts from NTFS's UTF-16 to UTF-8 internally).
 *
 * If the filename doesn't need quoting, returns it as-is.
 */
function quoteFileNameIfNeeded(s) {
    if (!needsQuoting(s)) {
        return s;
    }
    let result = '"';
    const bytes = new TextEncoder().encode(s);
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        // See https://en.wikipedia.org/wiki/Escape_sequences_in_C#Escape_sequences
        if (b === 0x07) {
            result += '\\a';
        }
        else if (b === 0x08) {
            result += '\\b';
        }
        else if (b === 0x09) {
            result += '\\t';
        }
        else if (b === 0x0a) {
            result += '\\n';
        }
        else if (b === 0x0b) {
            result += '\\v';
        }
        else if (b === 0x0c) {
            result += '\\f';
        }
        else if (b === 0x0d) {
            result += '\\r';
        }
        else if (b === 0x22) {
            result += '\\"';
        }
        else if (b === 0x5c) {
            result += '\\\\';
        }
        else if (b >= 0x20 && b <= 0x7e) {
            // Just a printable ASCII character that is neither a double quote nor a
            // backslash; no need to escape it.
            result += String.fromCharCode(b);
        }
        else {
            // Either part of a non-ASCII character or a control character without a
            // special escape sequence; needs escaping as a 3-digit octal escape
            result += '\\' + b.toString(8).padStart(3, '0');
        }
        i++;
    }
    result += '"';
    return result;
}
const INCLUDE_HEADERS = {
    includeIndex: true,
    includeUnderline: true,
    includeFileHeaders: true
};
const FILE_HEADERS_ONLY = {
    includeIndex: false,
    includeUnderline: false,
    includeFileHeaders: true
};
const OMIT_HEADERS = {
    includeIndex: false,
    includeUnderline: false,
    includeFileHeaders: false
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    let optionsObj;
    if (!options) {
        optionsObj = {};
    }
    else if (typeof options === 'function') {
        optionsObj = { callback: options };
    }
    else {
        optionsObj = options;
    }
    if (typeof optionsObj.context === 'undefined') {
        optionsObj.context = 4;
    }
    // We copy this into its own variable to placate TypeScript, which thinks
    // optionsObj.context might be undefined in the callbacks below.
    const context = optionsObj.context;
    // @ts-expect-error (runtime check for something that is correctly a static type error)
    if (optionsObj.newlineIsToken) {
        throw new Error('newlineIsToken may not be used with patch-generation functions, only with diffing functions');
    }
    if (!optionsObj.callback) {
        return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
    }
    else {
        const { callback } = optionsObj;
        diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
                const patch = diffLinesResultToPatch(diff);
                // TypeScript is unhappy without the cast because it does not understand that `patch` may
                // be undefined here only if `callback` is StructuredPatchCallbackAbortable:
                callback(patch);
            } }));
    }
    function diffLinesResultToPatch(diff) {
        // STEP 1: Build up the patch with no "\ No newline at end of file" lines and with the arrays
        //         of lines containing trailing newline characters. We'll tidy up later...
        if (!diff) {
            return;
        }
        diff.push({ value: '', lines: [] }); // Append an empty value to make cleanup easier
        function contextLines(lines) {
            return lines.map(function (entry) { return ' ' + entry; });
        }
        const hunks = [];
        let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
        for (let i = 0; i < diff.length; i++) {
            const current = diff[i], lines = current.lines || create_splitLines(current.value);
            current.lines = lines;
            if (current.added || current.removed) {
                // If we have previous context, start with that
                if (!oldRangeStart) {
                    const prev = diff[i - 1];
                    oldRangeStart = oldLine;
                    newRangeStart = newLine;
                    if (prev) {
                        curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
                        oldRangeStart -= curRange.length;
                        newRangeStart -= curRange.length;
                    }
                }
                // Output our changes
                for (const line of lines) {
                    curRange.push((current.added ? '+' : '-') + line);
                }
                // Track the updated file position
                if (current.added) {
                    newLine += lines.length;
                }
                else {
                    oldLine += lines.length;
                }
            }
            else {
                // Identical context lines. Track line changes
                if (oldRangeStart) {
                    // Close out any changes that have been output (or join overlapping)
                    if (lines.length <= context * 2 && i < diff.length - 2) {
                        // Overlapping
                        for (const line of contextLines(lines)) {
                            curRange.push(line);
                        }
                    }
                    else {
                        // end the range and output
                        const contextSize = Math.min(lines.length, context);
                        for (const line of contextLines(lines.slice(0, contextSize))) {
                            curRange.push(line);
                        }
                        const hunk = {
                            oldStart: oldRangeStart,
                            oldLines: (oldLine - oldRangeStart + contextSize),
                            newStart: newRangeStart,
                            newLines: (newLine - newRangeStart + contextSize),
                            lines: curRange
                        };
                        hunks.push(hunk);
                        oldRangeStart = 0;
                        newRangeStart = 0;
                        curRange = [];
                    }
                }
                oldLine += lines.length;
                newLine += lines.length;
            }
        }
        // Step 2: eliminate the trailing `\n` from each line of each hunk, and, where needed, add
        //         "\ No newline at end of file".
        for (const hunk of hunks) {
            for (let i = 0; i < hunk.lines.length; i++) {
                if (hunk.lines[i].endsWith('\n')) {
                    hunk.lines[i] = hunk.lines[i].slice(0, -1);
                }
                else {
                    hunk.lines.splice(i + 1, 0, '\\ No newline at end of file');
                    i++; // Skip the line we just added, then continue iterating
                }
            }
        }
        return {
            oldFileName: oldFileName, newFileName: newFileName,
            oldHeader: oldHeader, newHeader: newHeader,
            hunks: hunks
        };
    }
}
/**
 * creates a unified diff patch.
 *
 * @param patch either a single structured patch object (as returned by `structuredPatch`) or an
 *   array of them (as returned by `parsePatch`).
 * @param headerOptions behaves the same as the `headerOptions` option of `createTwoFilesPatch`.
 *   Ignored for patches where `isGit` is `true`.
 *
 * When a patch has `isGit: true`, `formatPatch` output is changed to more closely match Git's
 * output: it emits a `diff --git` header, emits Git extended headers as appropriate based on
 * properties like `isRename`, `isCreate`, `newMode`, etc, and will omit `---`/`+++` file
 * headers for patches with no hunks (e.g. renames without content changes).
 */
function formatPatch(patch, headerOptions) {
    var _a, _b, _c, _d, _e, _f;
    if (!headerOptions) {
        headerOptions = INCLUDE_HEADERS;
    }
    if (Array.isArray(patch)) {
        if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every(p => p.isGit)) {
            throw new Error('Cannot omit file headers on a multi-file patch. '
                + '(The result would be unparseable; how would a tool trying to apply '
                + 'the patch know which changes are to which file?)');
        }
        return patch.map(p => formatPatch(p, headerOptions)).join('\n');
    }
    const ret = [];
    // Git patches have a fixed header format (diff --git, extended headers,
    // and ---/+++ when hunks are present), so headerOptions is ignored.
    if (patch.isGit) {
        headerOptions = INCLUDE_HEADERS;
        // Emit Git-style diff --git header and extended headers.
        // Git never puts /dev/null in the "diff --git" line; for file
        // creations/deletions it uses the real filename on both sides.
        if (!patch.oldFileName) {
            throw new Error('oldFileName must be specified for Git patches');
        }
        if (!patch.newFileName) {
            throw new Error('newFileName must be specified for Git patches');
        }
        let gitOldName = patch.oldFileName;
        let gitNewName = patch.newFileName;
        if (patch.isCreate && gitOldName === '/dev/null') {
            gitOldName = gitNewName.replace(/^b\//, 'a/');
        }
        else if (patch.isDelete && gitNewName === '/dev/null') {
            gitNewName = gitOldName.replace(/^a\//, 'b/');
        }
        ret.push('diff --git ' + quoteFileNameIfNeeded(gitOldName) + ' ' + quoteFileNameIfNeeded(gitNewName));
        if (patch.isDelete) {
            ret.push('deleted file mode ' + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : '100644'));
        }
        if (patch.isCreate) {
            ret.push('new file mode ' + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : '100644'));
        }
        if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
            ret.push('old mode ' + patch.oldMode);
            ret.push('new mode ' + patch.newMode);
        }
        if (patch.isRename) {
            ret.push('rename from ' + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : '').replace(/^a\//, '')));
            ret.push('rename to ' + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : '').replace(/^b\//, '')));
        }
        if (patch.isCopy) {
            ret.push('copy from ' + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : '').replace(/^a\//, '')));
            ret.push('copy to ' + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : '').replace(/^b\//, '')));
        }
    }
    else {
        if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== undefined) {
            ret.push('Index: ' + patch.oldFileName);
        }
        if (headerOptions.includeUnderline) {
            ret.push('===================================================================');
        }
    }
    // Emit --- / +++ file headers. For Git patches with no hunks (e.g.
    // pure renames, mode-only changes), Git omits these, so we do too.
    const hasHunks = patch.hunks.length > 0;
    if (headerOptions.includeFileHeaders && patch.oldFileName !== undefined && patch.newFileName !== undefined
        && (!patch.isGit || hasHunks)) {
        ret.push('--- ' + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? '\t' + patch.oldHeader : ''));
        ret.push('+++ ' + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? '\t' + patch.newHeader : ''));
    }
    for (let i = 0; i < patch.hunks.length; i++) {
        const hunk = patch.hunks[i];
        // Unified Diff Format quirk: If the chunk size is 0,
        // the first number is one lower than one would expect.
        // https://www.artima.com/weblogs/viewpost.jsp?thread=164293
        const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
        const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
        ret.push('@@ -' + oldStart + ',' + hunk.oldLines
            + ' +' + newStart + ',' + hunk.newLines
            + ' @@');
        for (const line of hunk.lines) {
            ret.push(line);
        }
    }
    return ret.join('\n') + '\n';
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
    if (typeof options === 'function') {
        options = { callback: options };
    }
    if (!(options === null || options === void 0 ? void 0 : options.callback)) {
        const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
        if (!patchObj) {
            return;
        }
        return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
    }
    else {
        const { callback } = options;
        structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: patchObj => {
                if (!patchObj) {
                    callback(undefined);
                }
                else {
                    callback(formatPatch(patchObj, options.headerOptions));
                }
            } }));
    }
}
function createPatch(fileName, oldStr, newStr, oldHeader, newHeader, options) {
    return createTwoFilesPatch(fileName, fileName, oldStr, newStr, oldHeader, newHeader, options);
}
/**
 * Split `text` into an array of lines, including the trailing newline character (where present)
 */
function create_splitLines(text) {
    const hasTrailingNl = text.endsWith('\n');
    const result = text.split('\n').map(line => line + '\n');
    if (hasTrailingNl) {
        result.pop();
    }
    else {
        result.push(result.pop().slice(0, -1));
    }
    return result;
}

;// CONCATENATED MODULE: ./src/report/patch.ts



/** Lines of context around each hunk, as `git diff` writes them. */
const CONTEXT_LINES = 3;
/**
 * Unchanged lines kept around a fix's edits when its patch is made: the hunks' context, and a margin. A patch is
 * made from this part of the file, not the whole file: a rendered manifest with a finding per workload diffed its
 * whole text once per finding.
 */
const WINDOW_LINES = CONTEXT_LINES + 20;
function groupByFile(edits) {
    const byFile = new Map();
    for (const edit of edits)
        byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
    return byFile;
}
/**
 * A `git apply`-able unified diff for a fix, made from the head texts of the files it edits (a file not on head
 * is created); undefined when the edits change nothing.
 */
function fixPatch(fix, files) {
    const parts = [];
    for (const [file, edits] of groupByFile(fix.edits)) {
        const existing = files.get(file);
        const body = existing === undefined ? newFilePatch(file, edits) : editPatch(file, existing, edits);
        if (body === undefined)
            continue;
        const header = `diff --git a/${file} b/${file}\n${existing === undefined ? 'new file mode 100644\n' : ''}`;
        parts.push(header + body.replace(/^=+\n/, ''));
    }
    return parts.length > 0 ? parts.join('') : undefined;
}
function newFilePatch(file, edits) {
    let after = applyEdits('', edits);
    if (after === '')
        return undefined;
    if (!after.endsWith('\n'))
        after += '\n';
    return unifiedDiff('/dev/null', file, '', after);
}
/** The diff of the lines around the edits, its hunks numbered as in the whole file. */
function editPatch(file, text, edits) {
    const { starts, eol } = linesOf(text);
    const first = Math.min(...edits.map((edit) => edit.startLine));
    const last = Math.max(...edits.map((edit) => Math.max(edit.startLine, edit.endLine)));
    const from = Math.max(1, first - WINDOW_LINES);
    const to = Math.min(starts.length, last + WINDOW_LINES);
    const before = text.slice(starts[from - 1], to < starts.length ? starts[to] : text.length);
    const shifted = edits.map((edit) => ({
        ...edit,
        startLine: edit.startLine - (from - 1),
        endLine: edit.endLine - (from - 1),
    }));
    const after = applyEdits(before, shifted, eol);
    if (after === before)
        return undefined;
    return unifiedDiff(`a/${file}`, file, before, after).replace(/^@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@/gm, (_hunk, oldStart, oldCount = '', newStart, newCount = '') => `@@ -${Number(oldStart) + from - 1}${oldCount} +${Number(newStart) + from - 1}${newCount} @@`);
}
function unifiedDiff(oldName, file, before, after) {
    return createTwoFilesPatch(oldName, `b/${file}`, before, after, undefined, undefined, {
        context: CONTEXT_LINES,
        headerOptions: FILE_HEADERS_ONLY,
    });
}
/** Where each line of a text starts, and its dominant line break: once per text, whatever the findings in it. */
function linesOf(text) {
    if (lastLines?.text === text)
        return lastLines;
    const starts = lineStarts(text);
    // A final line break ends the last line: it starts no line of its own.
    if (starts.length > 1 && starts[starts.length - 1] === text.length)
        starts.pop();
    lastLines = { text, starts, eol: dominantLineEnding(text) };
    return lastLines;
}
/** The lines of the text asked for last: the findings of one file are rendered one after the other. */
let lastLines;

;// CONCATENATED MODULE: ./src/report/markdown.ts




const COMMENT_MARKER = '<!-- dynakube-istio-guard -->';
/** GitHub rejects comment bodies over 65,536 characters; a comment stays below with room for a note. */
const MAX_COMMENT_CHARS = 65_000;
const SEVERITY_TITLE = { error: 'Errors', warning: 'Warnings', info: 'Notes' };
const SEVERITY_ICON = { error: '🔴', warning: '🟠', info: '🔵' };
const OUTCOME_ICON = { fail: '❌', attention: '⚠️', pass: '✅' };
/**
 * Bulky parts go first (manifest bodies, patches, the egress map, long tables), then the findings' text; every
 * finding keeps its headline as long as the headlines alone fit, and only then are findings left out.
 */
const DETAIL_STEPS = [
    {
        manifestBodies: true,
        patches: true,
        egressMap: true,
        findingText: true,
        maxRows: Infinity,
        maxFindings: Infinity,
    },
    {
        manifestBodies: false,
        patches: true,
        egressMap: true,
        findingText: true,
        maxRows: 200,
        maxFindings: Infinity,
    },
    {
        manifestBodies: false,
        patches: false,
        egressMap: true,
        findingText: true,
        maxRows: 100,
        maxFindings: Infinity,
    },
    {
        manifestBodies: false,
        patches: false,
        egressMap: false,
        findingText: true,
        maxRows: 30,
        maxFindings: Infinity,
    },
    {
        manifestBodies: false,
        patches: false,
        egressMap: false,
        findingText: false,
        maxRows: 30,
        maxFindings: Infinity,
    },
    {
        manifestBodies: false,
        patches: false,
        egressMap: false,
        findingText: false,
        maxRows: 30,
        maxFindings: 200,
    },
    {
        manifestBodies: false,
        patches: false,
        egressMap: false,
        findingText: false,
        maxRows: 30,
        maxFindings: 30,
    },
];
/** Patches are made once per finding, however many times the comment is laid out to fit. */
function patchMaker(files) {
    const made = new Map();
    return (finding) => {
        if (!files || !finding.fix)
            return undefined;
        if (!made.has(finding))
            made.set(finding, fixPatch(finding.fix, files));
        return made.get(finding);
    };
}
function markdown_location(file, line, options, inTable = false) {
    const label = `${file}:${line}`;
    if (!options.fileLinkBase)
        return inTable ? cellCode(label) : inlineCode(label);
    // encodeURIComponent leaves `(` `)` alone; a `)` would end the markdown link.
    const encoded = file
        .split('/')
        .map((part) => encodeURIComponent(part).replace(/\(/g, '%28').replace(/\)/g, '%29'))
        .join('/');
    return `[${escapeMarkdown(label)}](${options.fileLinkBase}/${encoded}#L${line})`;
}
function verdict(report) {
    const { headline, counts } = verdictParts(report);
    return `${OUTCOME_ICON[outcome(report)]} **${headline}** — ${counts}`;
}
function changesSection(report, options, detail) {
    if (report.changes.length === 0)
        return [];
    const rows = report.changes.slice(0, detail.maxRows).map((change) => changeRow(change, options));
    const more = report.changes.length - rows.length;
    return [
        `#### What this PR changes (${report.changes.length})`,
        '',
        '| Resource | Setting | Before | After | Where |',
        '| --- | --- | --- | --- | --- |',
        ...rows,
        ...(more > 0 ? ['', `_${more} more change(s) not shown: see the JSON report._`] : []),
        '',
    ];
}
function changeRow(change, options) {
    // A removed resource is written on the base only: no link into the head.
    const removed = change.path === '' && change.after === null;
    const where = change.file && change.line
        ? removed
            ? `${cellCode(`${change.file}:${change.line}`)} (base)`
            : markdown_location(change.file, change.line, options, true)
        : '';
    const value = (v) => (v === null || v === undefined ? '—' : cellValue(v));
    return `| ${escapeMarkdown(change.resource)} | ${escapeMarkdown(changeSetting(change))} | ${value(change.before)} | ${value(change.after)} | ${where} |`;
}
/** A cell value; a whole added or removed resource lists its settings one per line. */
function cellValue(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        return cellCode(formatValue(value));
    return Object.entries(value)
        .map(([key, item]) => `${escapeMarkdown(key)}: ${cellCode(formatValue(item))}`)
        .join('<br>');
}
function indent(text, prefix = '  ') {
    return text
        .split('\n')
        .map((line) => (line === '' ? line : prefix + line))
        .join('\n');
}
function renderFinding(finding, options, detail, patchFor) {
    const status = finding.status === 'new' ? '**new**' : finding.status;
    const lines = [
        `- ${SEVERITY_ICON[finding.severity]} [${inlineCode(finding.ruleId)}](${finding.docs}) · ${status} · ${escapeMarkdown(finding.resource)} · ${markdown_location(finding.file, finding.line, options)}`,
    ];
    if (!detail.findingText)
        return lines;
    lines.push(`  ${escapeProse(finding.message)}`);
    const fix = finding.fix;
    if (!fix)
        return lines;
    lines.push('', `  **Fix:** ${escapeProse(fix.description)}`);
    if (fix.commands?.length)
        lines.push('', indent(codeBlock(fix.commands.join('\n'), 'sh')));
    const suggested = options.suggested?.(finding) ?? false;
    const patch = detail.patches && !suggested ? patchFor(finding) : undefined;
    if (patch) {
        const targets = [...new Set(fix.edits.map((edit) => edit.file))].join(', ');
        lines.push('', `  <details><summary>Patch for ${escapeHtml(targets)} (<code>git apply</code>)</summary>`, '', indent(codeBlock(patch, 'diff')), '', '  </details>');
    }
    else if (suggested) {
        lines.push('', '  _Offered as a suggestion on the changed line._');
    }
    return lines;
}
/**
 * What the PR introduces comes first, grouped by severity; findings already on the base branch follow in one
 * collapsed block, so the reviewer sees first what this PR is responsible for.
 */
function findingsSection(report, options, detail, patchFor) {
    const open = report.findings.filter((f) => f.status !== 'fixed');
    const fresh = open.filter((f) => f.status === 'new');
    const unchanged = open.filter((f) => f.status === 'unchanged');
    const out = [];
    let budget = detail.maxFindings;
    const list = (findings) => {
        const shown = findings.slice(0, Math.max(0, budget));
        budget -= shown.length;
        for (const finding of shown)
            out.push(...renderFinding(finding, options, detail, patchFor), '');
    };
    for (const severity of SEVERITIES) {
        const group = fresh.filter((f) => f.severity === severity);
        if (group.length === 0)
            continue;
        out.push(`#### ${SEVERITY_ICON[severity]} ${SEVERITY_TITLE[severity]} (${group.length})`, '');
        list(group);
    }
    if (unchanged.length > 0) {
        const counts = SEVERITIES.map((severity) => [severity, unchanged.filter((f) => f.severity === severity).length])
            .filter(([, count]) => count > 0)
            .map(([severity, count]) => plural(count, severity))
            .join(', ');
        out.push(`<details><summary>Already on the base branch: ${counts}</summary>`, '');
        for (const severity of SEVERITIES)
            list(unchanged.filter((f) => f.severity === severity));
        out.push('</details>', '');
    }
    const hidden = open.length - (detail.maxFindings === Infinity ? open.length : Math.min(open.length, detail.maxFindings));
    if (hidden > 0)
        out.push(`_${hidden} more finding(s) not shown: see the job summary or the JSON report._`, '');
    return out;
}
function fixedSection(report, detail) {
    const fixed = report.findings.filter((f) => f.status === 'fixed');
    if (fixed.length === 0)
        return [];
    const shown = fixed.slice(0, detail.maxFindings);
    return [
        `#### ✅ Fixed by this PR (${fixed.length})`,
        '',
        ...shown.map((f) => `- [${inlineCode(f.ruleId)}](${f.docs}) · ${escapeMarkdown(f.resource)}`),
        ...(fixed.length > shown.length ? [`- _and ${fixed.length - shown.length} more_`] : []),
        '',
    ];
}
function manifestTitle(manifest) {
    const where = manifest.namespace ? `${manifest.namespace}/` : '';
    return `${manifest.kind} ${where}${manifest.name}`;
}
function generatedSection(report, detail) {
    if (report.generated.length === 0)
        return [];
    const out = [`#### 🧩 Manifests the cluster needs (${report.generated.length})`, ''];
    if (!detail.manifestBodies) {
        out.push(...report.generated.map((m) => `- ${escapeMarkdown(manifestTitle(m))}`));
        out.push('', '_Bodies left out to fit the comment: see the job summary or `output-dir`._', '');
        return out;
    }
    for (const manifest of report.generated) {
        const file = manifest.file ? ` → ${manifest.file}` : '';
        out.push(`<details><summary>${escapeHtml(manifestTitle(manifest) + file)}</summary>`, '', codeBlock(manifest.yaml, 'yaml'), '', '</details>', '');
    }
    return out;
}
function egressSection(report, detail) {
    const map = report.context?.egress;
    if (!map || !detail.egressMap)
        return [];
    const blocked = map.edges.filter((edge) => edge.blocked).length;
    const byThisPr = map.edges.filter((edge) => edge.newlyBlocked).length;
    const title = blocked === 0
        ? '#### 🗺️ Egress map'
        : `#### 🗺️ Egress map — ${blocked} path(s) blocked${byThisPr > 0 ? `, ${byThisPr} by this PR` : ''}`;
    return [title, '', codeBlock(renderMermaid(map), 'mermaid'), ''];
}
function notEvaluableSection(report, detail) {
    if (report.notEvaluable.length === 0)
        return [];
    const notes = report.notEvaluable.slice(0, detail.maxFindings);
    return [
        `<details><summary>Could not evaluate (${report.notEvaluable.length})</summary>`,
        '',
        ...notes.map((note) => `- ${inlineCode(`${note.file}:${note.line}`)} ${escapeProse(note.reason)}`),
        ...(report.notEvaluable.length > notes.length
            ? [`- _and ${report.notEvaluable.length - notes.length} more_`]
            : []),
        '',
        '</details>',
        '',
    ];
}
function markdown_render(report, options, detail, step, patchFor) {
    const out = [COMMENT_MARKER, '### dynakube-istio-guard', '', verdict(report), ''];
    if (report.changes.length === 0 && report.findings.length === 0 && report.generated.length === 0)
        out.push('No DynaKube or mesh setting changes and no findings.', '');
    out.push(...changesSection(report, options, detail), ...findingsSection(report, options, detail, patchFor), ...fixedSection(report, detail), ...generatedSection(report, detail), ...egressSection(report, detail), ...notEvaluableSection(report, detail));
    if (step > 0) {
        const what = detail.findingText
            ? 'Parts of this report'
            : 'Messages, fixes and other parts of this report';
        out.push(`_${what} were shortened to fit in one comment: see the job summary._`, '');
    }
    return `${out.join('\n')}\n`;
}
/** Markdown report for the PR comment and the job summary; shortened section by section to fit `maxLength`. */
function renderMarkdown(report, options = {}) {
    const limit = options.maxLength ?? Infinity;
    const patchFor = patchMaker(options.files ?? report.context?.files);
    for (const [step, detail] of DETAIL_STEPS.entries()) {
        const body = markdown_render(report, options, detail, step, patchFor);
        if (body.length <= limit)
            return body;
    }
    const { headline, counts } = verdictParts(report);
    return `${COMMENT_MARKER}\n### dynakube-istio-guard\n\n${OUTCOME_ICON[outcome(report)]} **${headline}** — ${counts}\n\n_The full report is too large for a comment: see the job summary or the JSON report._\n`;
}

;// CONCATENATED MODULE: ./src/report/truncate.ts
/** GitHub's limit for an issue or PR comment body, in characters. */
const COMMENT_LIMIT = 65_536;
/** The job summary limit is 1 MiB per step; stay well below it because it is counted in bytes. */
const SUMMARY_LIMIT = 1_000_000;
/**
 * Cuts markdown to at most `limit` UTF-16 code units (GitHub counts characters, which are never more), at a line
 * boundary, closes any code fence or `<details>` left open by the cut, and ends with a note saying so.
 * Text already within the limit is returned unchanged.
 */
function truncateMarkdown(text, limit, options = {}) {
    if (text.length <= limit)
        return text;
    const open = new OpenBlocks();
    const kept = [];
    let used = 0;
    for (const line of text.split('\n')) {
        const next = open.after(line);
        const tail = next.closing() + noteFor(text.length - used - line.length - 1, options);
        if (used + line.length + 1 + tail.length > limit)
            break;
        kept.push(line);
        used += line.length + 1;
        open.take(next);
    }
    let result = `${kept.join('\n')}\n${open.closing()}${noteFor(text.length - used, options)}`;
    // A single line longer than the limit (or a note longer than it) must still not overflow.
    if (result.length > limit)
        result = result.slice(0, cutPoint(result, limit));
    return result;
}
function noteFor(omitted, options) {
    const where = options.note ? ` ${options.note}` : '';
    return `\n> [!NOTE]\n> Truncated: ${Math.max(omitted, 0)} more characters were cut to stay within GitHub's limits.${where}\n`;
}
/** The code fence and `<details>` blocks left open at a point of the text, to close them after a cut. */
class OpenBlocks {
    fence;
    details;
    constructor(fence = undefined, details = 0) {
        this.fence = fence;
        this.details = details;
    }
    /** The state after one more line (this one is unchanged). */
    after(line) {
        const trimmed = line.trim();
        const marker = /^(`{3,}|~{3,})/.exec(trimmed)?.[1];
        if (this.fence) {
            const closes = marker !== undefined && marker[0] === this.fence[0] && marker.length >= this.fence.length;
            return new OpenBlocks(closes && trimmed === marker ? undefined : this.fence, this.details);
        }
        if (marker)
            return new OpenBlocks(marker, this.details);
        const opened = (trimmed.match(/<details\b/gi) ?? []).length;
        const closed = (trimmed.match(/<\/details>/gi) ?? []).length;
        return new OpenBlocks(undefined, Math.max(0, this.details + opened - closed));
    }
    take(other) {
        this.fence = other.fence;
        this.details = other.details;
    }
    /** Lines that close what is open, ending with a newline; empty when nothing is open. */
    closing() {
        const lines = [];
        if (this.fence)
            lines.push(this.fence);
        for (let i = 0; i < this.details; i += 1)
            lines.push('', '</details>');
        return lines.length > 0 ? `${lines.join('\n')}\n` : '';
    }
}
/** A cut position at or below `limit` that does not split a surrogate pair. */
function cutPoint(text, limit) {
    const code = text.charCodeAt(limit - 1);
    return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

;// CONCATENATED MODULE: ./src/sources/overlay.ts

/**
 * The base side of a pull request, built from the head: the PR's own changes undone. Changed files read their base
 * content, added files (and the new name of a renamed file) are dropped, removed files (and the old name) are
 * restored. Only the changed files are fetched; every other file is the head's, so it is parsed once for both sides.
 */
function overlaySource(head, changes, readBase, selection, options = {}) {
    const matches = fileMatcher(selection);
    const dropped = new Set();
    const fromBase = new Set();
    for (const change of changes) {
        if (change.status === 'added' || change.status === 'renamed')
            dropped.add(change.path);
        if (change.status === 'modified' || change.status === 'removed')
            fromBase.add(change.path);
        if (change.status === 'renamed' && change.previousPath)
            fromBase.add(change.previousPath);
    }
    for (const path of fromBase)
        dropped.delete(path);
    const baseTexts = new Map();
    const readOnce = (path) => {
        let text = baseTexts.get(path);
        if (!text) {
            text = readBase(path);
            baseTexts.set(path, text);
        }
        return text;
    };
    if (options.readEarly) {
        for (const path of fromBase) {
            // A failure is reported when the file is read; until then nobody waits on it.
            if (matches(path))
                readOnce(path).catch(() => undefined);
        }
    }
    return {
        label: `${head.label} with the pull request's changes undone`,
        async list() {
            const paths = new Set((await head.list()).filter((path) => !dropped.has(path)));
            // A listed path may still read as undefined (e.g. a symlink on base); readers skip those.
            for (const path of fromBase)
                if (matches(path))
                    paths.add(path);
            return [...paths].sort();
        },
        skipped: () => head.skipped?.() ?? [],
        sameFileIn: (path) => (fromBase.has(path) || dropped.has(path) ? undefined : head),
        async read(path) {
            if (fromBase.has(path))
                return readOnce(path);
            if (dropped.has(path))
                return undefined;
            return head.read(path);
        },
    };
}

;// CONCATENATED MODULE: ./src/action/changes.ts


/** A repository path from git or the API that stays inside the repository. */
function isSafePath(path) {
    return path !== '' && !path.startsWith('/') && !path.split('/').some((segment) => segment === '..');
}
/** `git diff --name-status -z` output → changed files. */
function parseNameStatus(output) {
    const fields = output.split('\0');
    const changes = [];
    for (let i = 0; i < fields.length - 1;) {
        const status = fields[i];
        if (status.startsWith('R') || status.startsWith('C')) {
            const [previousPath, path] = [fields[i + 1], fields[i + 2]];
            changes.push(status.startsWith('R') ? { path, status: 'renamed', previousPath } : { path, status: 'added' });
            i += 3;
            continue;
        }
        const path = fields[i + 1];
        const kind = status[0];
        if (kind === 'A')
            changes.push({ path, status: 'added' });
        else if (kind === 'D')
            changes.push({ path, status: 'removed' });
        else
            changes.push({ path, status: 'modified' });
        i += 2;
    }
    return changes.filter((change) => isSafePath(change.path));
}
/**
 * Changes from the local clone, when the PR's base commit is in it (checkout with `fetch-depth: 0`, or the
 * default merge commit whose first parent is the base). The base side is the merge base of base and HEAD, which
 * is what GitHub diffs a PR against; undefined when git cannot answer.
 */
async function changesFromGit(workspace, baseSha) {
    try {
        await git(workspace, ['cat-file', '-e', `${baseSha}^{commit}`]);
        const mergeBase = (await git(workspace, ['merge-base', baseSha, 'HEAD']).catch(() => baseSha)).trim();
        const diff = await git(workspace, ['diff', '--name-status', '-z', '-M', mergeBase, 'HEAD', '--']);
        const everything = { include: ['**'], exclude: DEFAULT_SELECTION.exclude };
        const base = await git_gitRefSource(workspace, mergeBase, everything);
        return {
            changes: parseNameStatus(diff),
            readBase: (path) => base.read(path),
            via: `git (merge base ${mergeBase.slice(0, 12)})`,
            local: true,
        };
    }
    catch {
        return undefined;
    }
}
/** Every file of the PR from the API (paginated; GitHub lists at most 3,000). */
async function listPullRequestFiles(client, pr) {
    return (await client.paginate(client.rest.pulls.listFiles, {
        owner: pr.owner,
        repo: pr.repo,
        pull_number: pr.number,
        per_page: 100,
    }));
}
function changesFromListedFiles(files) {
    const changes = [];
    for (const file of files) {
        if (!isSafePath(file.filename))
            continue;
        if (file.status === 'renamed' && file.previous_filename && isSafePath(file.previous_filename)) {
            changes.push({ path: file.filename, status: 'renamed', previousPath: file.previous_filename });
        }
        else if (file.status === 'added' || file.status === 'copied') {
            changes.push({ path: file.filename, status: 'added' });
        }
        else if (file.status === 'removed') {
            changes.push({ path: file.filename, status: 'removed' });
        }
        else if (file.status !== 'unchanged') {
            changes.push({ path: file.filename, status: 'modified' });
        }
    }
    return changes;
}
/** The base side of one file from the API (`repos.getContent` at the base commit); undefined when absent. */
function apiBaseReader(client, pr) {
    return async (path) => {
        try {
            const { data } = await client.rest.repos.getContent({
                owner: pr.owner,
                repo: pr.repo,
                path,
                ref: pr.baseSha,
            });
            if (Array.isArray(data) || data.type !== 'file' || !('content' in data))
                return undefined;
            if (data.encoding !== 'base64')
                return undefined; // over 1 MB: not a manifest worth reading
            return Buffer.from(data.content, 'base64').toString('utf8');
        }
        catch (error) {
            if (error.status === 404)
                return undefined;
            throw error;
        }
    };
}
/**
 * Whether the checkout holds the PR's head. Under `pull_request_target` the default checkout is the base branch,
 * and a check of it would say nothing about the PR; undefined when the clone cannot tell (shallow merge commit).
 */
async function checkoutHasHead(workspace, headSha) {
    const present = await git(workspace, ['cat-file', '-e', `${headSha}^{commit}`]).then(() => true, () => false);
    if (!present)
        return undefined;
    return git(workspace, ['merge-base', '--is-ancestor', headSha, 'HEAD']).then(() => true, () => false);
}

;// CONCATENATED MODULE: ./src/action/comment.ts




const SCOPE_PATTERN = /<!-- dynakube-istio-guard:scope ([0-9a-f]+) -->/;
/**
 * Which sticky comment a run owns. Runs over different `paths` (a matrix over cluster folders) each keep their own
 * comment instead of overwriting one another's; the default scope (no `paths`) has no scope marker.
 */
function commentScope(paths, exclude) {
    if (paths.length === 0 && exclude.length === 0)
        return undefined;
    return (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([[...paths].sort(), [...exclude].sort()]))
        .digest('hex')
        .slice(0, 12);
}
/** The body with this action's hidden marker and, for a `paths` scope, its scope marker and header. */
function markBody(markdown, scope) {
    const marked = markdown.includes(COMMENT_MARKER) ? markdown : `${COMMENT_MARKER}\n${markdown}`;
    if (!scope)
        return marked;
    return marked
        .replace(COMMENT_MARKER, `${COMMENT_MARKER}\n<!-- dynakube-istio-guard:scope ${scope.key} -->`)
        .replace(/^### dynakube-istio-guard$/m, `### dynakube-istio-guard · ${inlineCode(scope.label)}`);
}
/** The body as posted: always carries the marker (and the scope's) and always fits GitHub's limit. */
function stickyBody(markdown, note, scope) {
    return truncateMarkdown(markBody(markdown, scope), COMMENT_LIMIT, { note });
}
/**
 * The sticky comment for a report. It is rendered to GitHub's comment limit less what the markers add, so the
 * renderer collapses sections (and keeps every finding's headline while they fit) before anything is cut; the
 * cut with a note in `stickyBody` stays as the last resort.
 */
function reportCommentBody(report, options, note, scope) {
    const probe = `${COMMENT_MARKER}\n### dynakube-istio-guard\n`;
    const overhead = markBody(probe, scope).length - probe.length;
    return stickyBody(renderMarkdown(report, { ...options, maxLength: COMMENT_LIMIT - overhead }), note, scope);
}
/** Whether a comment is this run's sticky comment: the marker, and the same scope. */
function isOwnComment(body, scope) {
    if (!body?.includes(COMMENT_MARKER))
        return false;
    return SCOPE_PATTERN.exec(body)?.[1] === scope;
}
async function markedComments(client, pr, scope) {
    const comments = (await client.paginate(client.rest.issues.listComments, {
        owner: pr.owner,
        repo: pr.repo,
        issue_number: pr.number,
        per_page: 100,
    }));
    return comments.filter((comment) => isOwnComment(comment.body, scope)).sort((a, b) => a.id - b.id);
}
async function remove(client, pr, comments) {
    for (const comment of comments) {
        try {
            await client.rest.issues.deleteComment({ owner: pr.owner, repo: pr.repo, comment_id: comment.id });
        }
        catch (error) {
            // Another run may have deleted it first.
            if (error.status !== 404)
                throw error;
        }
    }
}
async function update(client, pr, id, body) {
    await client.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: id, body });
}
/**
 * One comment per PR, found by its hidden marker: created once, then updated in place. Two runs that raced may
 * both have created one: the oldest is kept (and carries this run's body), the others are deleted. With
 * `keep: false` (mode on-findings, nothing to report) every marked comment is removed.
 */
async function upsertSticky(client, pr, body, keep, scope) {
    const existing = await markedComments(client, pr, scope);
    if (!keep) {
        await remove(client, pr, existing);
        return { action: existing.length > 0 ? 'deleted' : 'none' };
    }
    if (existing.length > 0) {
        const [kept, ...extra] = existing;
        await update(client, pr, kept.id, body);
        await remove(client, pr, extra);
        return { commentId: kept.id, action: 'updated' };
    }
    const { data } = await client.rest.issues.createComment({
        owner: pr.owner,
        repo: pr.repo,
        issue_number: pr.number,
        body,
    });
    // A concurrent run may have created its own in the meantime: settle on the oldest.
    const after = await markedComments(client, pr, scope);
    if (after.length <= 1)
        return { commentId: data.id, action: 'created' };
    const [kept, ...extra] = after;
    if (kept.id !== data.id)
        await update(client, pr, kept.id, body);
    await remove(client, pr, extra);
    return { commentId: kept.id, action: kept.id === data.id ? 'created' : 'updated' };
}
/** Updates an existing sticky comment only (never creates one): for runs that have nothing new to say. */
async function refreshExistingSticky(client, pr, body, scope) {
    const existing = await markedComments(client, pr, scope);
    if (existing.length === 0)
        return { action: 'none' };
    const [kept, ...extra] = existing;
    await update(client, pr, kept.id, body);
    await remove(client, pr, extra);
    return { commentId: kept.id, action: 'updated' };
}

;// CONCATENATED MODULE: ./src/action/event.ts

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
async function readPayload(eventPath) {
    if (!eventPath)
        return {};
    try {
        return JSON.parse(await external_node_fs_namespaceObject.promises.readFile(eventPath, 'utf8'));
    }
    catch (error) {
        throw new Error(`cannot read the event file ${eventPath}: ${error.message}`);
    }
}
function repository(env) {
    const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
    return { owner, repo };
}
async function readRunContext(env = process.env) {
    const eventName = env.GITHUB_EVENT_NAME ?? '';
    const payload = await readPayload(env.GITHUB_EVENT_PATH);
    const repo = repository(env);
    const pr = payload.pull_request;
    if (PULL_REQUEST_EVENTS.has(eventName) && pr?.base?.sha && pr.head?.sha) {
        const number = pr.number ?? payload.number;
        if (typeof number !== 'number')
            throw new Error(`the ${eventName} event has no pull request number`);
        return {
            kind: 'pull_request',
            eventName,
            ...repo,
            number,
            baseSha: pr.base.sha,
            headSha: pr.head.sha,
            fromFork: (pr.head.repo?.full_name ?? '') !== (pr.base.repo?.full_name ?? ''),
        };
    }
    return { kind: 'branch', eventName, ...repo, ...(env.GITHUB_SHA ? { sha: env.GITHUB_SHA } : {}) };
}

;// CONCATENATED MODULE: ./src/action/github.ts

/** How many times a rate-limited request is tried again before the run gives up on that channel. */
const RATE_LIMIT_RETRIES = 2;
/** How long one request may wait for GitHub's answer; a run makes a handful, so this bounds the whole run. */
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/**
 * Environment overrides, for tests that must not wait real seconds: the request timeout, and the unit of the
 * retry plugins' backoff (`Retry-After: 2` waits two of these; 5xx retries wait 1, 4, 9 of them).
 */
const TIMEOUT_ENV = 'DKIG_REQUEST_TIMEOUT_MS';
const BACKOFF_UNIT_ENV = 'DKIG_RETRY_UNIT_MS';
function positiveNumber(value, fallback) {
    const number = Number(value);
    return value && Number.isFinite(number) && number > 0 ? number : fallback;
}
/** The per-request timeout for GitHub and the Dynatrace API: `fallbackMs` unless a test shortens it. */
function requestTimeoutMs(fallbackMs) {
    return positiveNumber(process.env[TIMEOUT_ENV], fallbackMs);
}
/** GitHub accepted the connection but did not answer in time. Not retried: a write may have landed. */
class GitHubTimeoutError extends Error {
    constructor(method, url, timeoutMs) {
        super(`no answer from GitHub within ${timeoutMs / 1000} s to ${method} ${github_pathOf(url)}`);
        this.name = 'GitHubTimeoutError';
    }
}
function github_pathOf(url) {
    try {
        return new URL(url).pathname;
    }
    catch {
        return url.split('?')[0];
    }
}
/**
 * Every attempt gets its own deadline. Registered before the retry plugins, so it wraps each single attempt
 * (innermost), and its error carries no `request`, so neither plugin retries it.
 */
function requestTimeout(timeoutMs) {
    return (octokit) => {
        octokit.hook.wrap('request', async (request, options) => {
            const signal = AbortSignal.timeout(timeoutMs);
            // The inner hooks are bound to this very options object: set the signal on it, per attempt.
            options.request = { ...options.request, signal };
            try {
                return await request(options);
            }
            catch (error) {
                if (signal.aborted)
                    throw new GitHubTimeoutError(options.method, options.url, timeoutMs);
                throw error;
            }
        });
    };
}
/**
 * An Octokit with a per-request timeout, retries for 5xx and backoff for primary and secondary rate limits.
 * Loaded on first use (dynamic import), so runs that post nothing do not pay for loading the client. The base URL
 * follows `GITHUB_API_URL` (GitHub Enterprise Server, tests).
 */
async function createClient(token) {
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
        __nccwpck_require__.e(/* import() */ 758).then(__nccwpck_require__.bind(__nccwpck_require__, 1758)),
        Promise.all(/* import() */[__nccwpck_require__.e(251), __nccwpck_require__.e(735)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9735)),
        Promise.all(/* import() */[__nccwpck_require__.e(251), __nccwpck_require__.e(856)]).then(__nccwpck_require__.bind(__nccwpck_require__, 6856)),
    ]);
    const baseUrl = process.env.GITHUB_API_URL || 'https://api.github.com';
    const timeoutMs = requestTimeoutMs(DEFAULT_REQUEST_TIMEOUT_MS);
    const backoffUnitMs = positiveNumber(process.env[BACKOFF_UNIT_ENV], 1000);
    return getOctokit(token, {
        baseUrl,
        log: { debug: debug, info: debug, warn: debug, error: debug },
        throttle: {
            retryAfterBaseValue: backoffUnitMs,
            onRateLimit: (retryAfter, options, _o, count) => {
                info(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
                return count < RATE_LIMIT_RETRIES;
            },
            onSecondaryRateLimit: (retryAfter, options, _o, count) => {
                info(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter}s`);
                return count < RATE_LIMIT_RETRIES;
            },
        },
        // 429 is left to the throttling plugin, which waits as long as Retry-After says.
        retry: {
            retries: 3,
            retryAfterBaseValue: backoffUnitMs,
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        },
    }, requestTimeout(timeoutMs), retry, throttling);
}
function statusOf(error) {
    const status = error.status;
    return typeof status === 'number' ? status : undefined;
}
function isRateLimit(error) {
    return /rate limit/i.test(error.message ?? '');
}
/** The token cannot write here: a fork PR's read-only token, or missing `pull-requests: write`. */
function isPermissionError(error) {
    const status = statusOf(error);
    if (isRateLimit(error))
        return false;
    return status === 403 || (status === 404 && /not found/i.test(error.message ?? ''));
}
/**
 * After these nothing else is asked of GitHub: a refused token (401) fails every request alike, and a server
 * that did not answer would make every further request wait out its timeout too.
 */
function isFatalForRun(error) {
    return statusOf(error) === 401 || error instanceof GitHubTimeoutError;
}
/** One line for a log message, without anything a server might echo back at length. */
function describeError(error) {
    const status = statusOf(error);
    const message = (error.message ?? String(error)).split('\n')[0].slice(0, 300);
    return status ? `HTTP ${status}: ${message}` : message;
}

;// CONCATENATED MODULE: ./src/action/inputs.ts

function list(name) {
    return getInput(name)
        .split(/[\n,]/)
        .map((item) => item.trim())
        .filter(Boolean);
}
function choice(name, allowed, fallback) {
    const value = getInput(name).trim();
    if (value === '')
        return fallback;
    if (!allowed.includes(value)) {
        throw new Error(`input '${name}' must be one of ${allowed.join(', ')} (got '${value}')`);
    }
    return value;
}
function flag(name) {
    return choice(name, ['true', 'false'], 'true') === 'true';
}
function optional(name) {
    return getInput(name).trim() || undefined;
}
/** Reads and checks the inputs; secrets are masked before anything can print them. */
function readInputs() {
    const token = getInput('github-token').trim();
    if (token)
        setSecret(token);
    const dynatraceToken = getInput('dynatrace-api-token').trim();
    if (dynatraceToken)
        setSecret(dynatraceToken);
    return {
        token,
        paths: list('paths'),
        exclude: list('exclude'),
        config: optional('config'),
        failOn: choice('fail-on', ['error', 'warning', 'info', 'never'], 'error'),
        failScope: choice('fail-scope', ['new', 'all'], 'new'),
        comment: choice('comment', ['sticky', 'on-findings', 'off'], 'sticky'),
        suggestions: flag('suggestions'),
        annotations: flag('annotations'),
        sarifFile: optional('sarif-file'),
        outputDir: optional('output-dir'),
        dynatraceApiUrl: optional('dynatrace-api-url'),
        dynatraceApiToken: dynatraceToken || undefined,
        istioVersion: optional('istio-version'),
        kubernetesVersion: optional('kubernetes-version'),
    };
}

;// CONCATENATED MODULE: ./src/action/patch.ts
const HUNK_HEADER = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
function parsePatch(patch) {
    const lines = new Map();
    if (!patch)
        return { lines };
    let hunk = -1;
    let next = 0;
    const rows = patch.split('\n');
    if (rows.at(-1) === '')
        rows.pop();
    for (const raw of rows) {
        const header = HUNK_HEADER.exec(raw);
        if (header) {
            hunk += 1;
            next = Number(header[1]);
            continue;
        }
        if (hunk < 0 || raw.startsWith('\\'))
            continue; // "\ No newline at end of file"
        const kind = raw[0];
        if (kind === '-')
            continue;
        if (kind === '+' || kind === ' ' || raw === '') {
            lines.set(next, { text: raw.slice(1).replace(/\r$/, ''), hunk });
            next += 1;
        }
    }
    return { lines };
}
/** Whether head lines `start..end` are all RIGHT-side lines of one hunk. */
function inOneHunk(diff, start, end) {
    const first = diff.lines.get(start);
    if (!first || end < start)
        return false;
    for (let line = start; line <= end; line += 1) {
        if (diff.lines.get(line)?.hunk !== first.hunk)
            return false;
    }
    return true;
}

;// CONCATENATED MODULE: ./src/report/json.ts
/** The JSON contract (DESIGN §6). The internal `key` stays out of the public shape. */
function renderJson(report) {
    const { context: _context, ...contract } = report;
    const findings = report.findings.map(({ key: _key, ...finding }) => finding);
    return `${JSON.stringify({ ...contract, findings }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/sarif.ts



const TOOL_NAME = 'dynakube-istio-guard';
const LEVEL = {
    error: 'error',
    warning: 'warning',
    info: 'note',
};
const PROBLEM_SEVERITY = {
    error: 'error',
    warning: 'warning',
    info: 'recommendation',
};
/** Code scanning limits descriptions to 1,024 characters. */
function sarif_short(text) {
    return text.length <= 1024 ? text : `${text.slice(0, 1021)}...`;
}
function ruleDescriptor(meta) {
    return {
        id: meta.id,
        name: meta.id
            .split('-')
            .map((word) => word[0].toUpperCase() + word.slice(1))
            .join(''),
        shortDescription: { text: sarif_short(meta.description) },
        fullDescription: { text: sarif_short(meta.description) },
        help: {
            text: `${meta.description} See ${meta.docs}`,
            markdown: `${meta.description}\n\n[Documentation](${meta.docs})`,
        },
        helpUri: meta.docs,
        defaultConfiguration: { level: LEVEL[meta.severity] },
        properties: {
            tags: ['dynatrace', 'istio', 'kubernetes'],
            precision: 'high',
            'problem.severity': PROBLEM_SEVERITY[meta.severity],
        },
    };
}
/**
 * Identity of a finding across runs: its key (rule, resource, field), not its line, so moving a line does not
 * close one alert and open another. Code scanning matches results on `primaryLocationLineHash`.
 */
function fingerprint(finding) {
    return (0,external_node_crypto_.createHash)('sha256').update(finding.key).digest('hex').slice(0, 16);
}
function result(finding, ruleIndex) {
    const text = finding.fix
        ? `${finding.resource}: ${finding.message} Fix: ${finding.fix.description}`
        : `${finding.resource}: ${finding.message}`;
    return {
        ruleId: finding.ruleId,
        ruleIndex,
        level: LEVEL[finding.severity],
        message: { text },
        locations: [
            {
                physicalLocation: {
                    artifactLocation: { uri: finding.file.split('/').map(encodeURIComponent).join('/') },
                    region: { startLine: finding.line, endLine: Math.max(finding.endLine, finding.line) },
                },
            },
        ],
        partialFingerprints: {
            primaryLocationLineHash: `${fingerprint(finding)}:1`,
            'dynakubeIstioGuard/v1': fingerprint(finding),
        },
        properties: { status: finding.status, resource: finding.resource },
    };
}
/** SARIF 2.1.0 log of the open findings, for `github/codeql-action/upload-sarif`. */
function buildSarif(report, options = {}) {
    const rules = [...(options.rules ?? ALL_RULES.map((rule) => rule.meta))];
    const open = report.findings.filter((finding) => finding.status !== 'fixed');
    for (const finding of open) {
        if (rules.some((rule) => rule.id === finding.ruleId))
            continue;
        rules.push({
            id: finding.ruleId,
            severity: finding.severity,
            description: finding.ruleId,
            docs: finding.docs,
            fixable: false,
        });
    }
    const index = new Map(rules.map((rule, i) => [rule.id, i]));
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: TOOL_NAME,
                        informationUri: PROJECT_HOME,
                        ...(options.toolVersion ? { semanticVersion: options.toolVersion } : {}),
                        rules: rules.map(ruleDescriptor),
                    },
                },
                results: open.map((finding) => result(finding, index.get(finding.ruleId))),
            },
        ],
    };
}
function renderSarif(report, options = {}) {
    return `${JSON.stringify(buildSarif(report, options), null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/action/publish.ts








/** GitHub shows at most this many annotations of each level per step; the rest are dropped silently. */
const ANNOTATIONS_PER_LEVEL = 10;
/** Open findings, most severe new ones first: the order in which the 10-per-level cap should keep them. */
function annotationOrder(findings) {
    return findings
        .filter((finding) => finding.status !== 'fixed')
        .sort((a, b) => Number(b.status === 'new') - Number(a.status === 'new') ||
        SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}
/** Writes annotations, at most 10 per level (more would be dropped unseen); returns how many were left out. */
function annotate(report) {
    const written = { error: 0, warning: 0, info: 0 };
    const overflow = { error: 0, warning: 0, info: 0 };
    for (const finding of annotationOrder(report.findings)) {
        if (written[finding.severity] >= ANNOTATIONS_PER_LEVEL) {
            overflow[finding.severity] += 1;
            continue;
        }
        written[finding.severity] += 1;
        annotationFor(finding)(`${finding.resource}: ${finding.message}`, {
            title: finding.ruleId,
            file: finding.file,
            startLine: finding.line,
            endLine: finding.endLine,
        });
    }
    return overflow;
}
function annotationFor(finding) {
    return finding.severity === 'error'
        ? error
        : finding.severity === 'warning'
            ? warning
            : notice;
}
function overflowNote(overflow) {
    const parts = ['error', 'warning', 'info']
        .filter((level) => overflow[level] > 0)
        .map((level) => `${overflow[level]} more ${level === 'info' ? 'note' : level}(s)`);
    if (parts.length === 0)
        return undefined;
    return `GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations per level per step: ${parts.join(', ')} are listed only in this summary.`;
}
/** The job summary: notes first, then the report, within the 1 MiB step limit. */
async function writeSummary(markdown, notes) {
    const head = notes.map((note) => `> ${note}`).join('\n>\n');
    const text = head ? `${head}\n\n${markdown}` : markdown;
    await summary
        .addRaw(truncateMarkdown(text, SUMMARY_LIMIT, { note: 'The full report is report.json.' }))
        .write();
}
async function writeSarif(report, file, workspace) {
    const target = external_node_path_default().resolve(workspace, file);
    await writeOutputFile(target, redact(renderSarif(report)));
    return target;
}
/** `report.json` and the generated manifests, one YAML file per namespace under `generated/`. */
async function writeOutputDir(report, dir, workspace) {
    const root = external_node_path_default().resolve(workspace, dir);
    const reportFile = external_node_path_default().join(root, 'report.json');
    await writeOutputFile(reportFile, redact(renderJson(report)));
    await writeGeneratedManifests(root, report.generated);
    return { report: reportFile, generated: external_node_path_default().join(root, 'generated') };
}
function setOutputs(report, outputs) {
    setOutput('conclusion', outputs.conclusion);
    setOutput('errors', report.summary.errors);
    setOutput('warnings', report.summary.warnings);
    setOutput('new-findings', report.summary.new);
    if (outputs.reportFile)
        setOutput('report', outputs.reportFile);
    if (outputs.sarifFile)
        setOutput('sarif-file', outputs.sarifFile);
    if (outputs.generatedDir)
        setOutput('generated-manifests', outputs.generatedDir);
    if (outputs.commentId !== undefined)
        setOutput('comment-id', outputs.commentId);
}

;// CONCATENATED MODULE: ./src/action/suggestions.ts



/** Marks this action's review comments, so a later run does not repeat a suggestion it already made. */
const SUGGESTION_MARKER = 'dynakube-istio-guard:suggestion';
/** A head file's lines as suggestions address them: no BOM, and no line break (LF or CRLF) left on a line. */
function suggestionLines(text) {
    return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}
/**
 * GitHub suggestions replace whole lines of the head. An insertion (`startLine > endLine`) becomes a suggestion on
 * the line before it that repeats that line and adds the new ones (or on line 1, adding before it). The text is
 * lines joined by `\n` with no `\r`: GitHub keeps the file's own line breaks when it commits a suggestion, and a
 * `\r` in the block would end up inside the line.
 */
function toLineChange(edit, lineText) {
    const change = lineChange(edit, lineText);
    return change && { ...change, text: change.text.replace(/\r(?=\n|$)/g, '') };
}
function lineChange(edit, lineText) {
    if (edit.startLine <= edit.endLine)
        return { start: edit.startLine, end: edit.endLine, text: edit.replacement };
    const before = edit.startLine - 1;
    if (before >= 1) {
        const anchor = lineText(before);
        return anchor === undefined
            ? undefined
            : { start: before, end: before, text: `${anchor}\n${edit.replacement}` };
    }
    const first = lineText(1);
    return first === undefined ? undefined : { start: 1, end: 1, text: `${edit.replacement}\n${first}` };
}
/** A ```` ```suggestion ```` block; empty content deletes the lines. The fence outgrows any backtick run inside. */
function suggestionBlock(text) {
    const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    return text === '' ? `${fence}suggestion\n${fence}` : `${fence}suggestion\n${text}\n${fence}`;
}
function fingerprintOf(finding, path, change) {
    return (0,external_node_crypto_.createHash)('sha256').update(`${finding.key}\0${path}\0${change.text}`).digest('hex').slice(0, 16);
}
function commentBody(finding, change, fingerprint) {
    return [
        `**${escapeMarkdown(finding.ruleId)}** (${finding.severity}) · ${inlineCode(finding.resource)}: ${escapeMarkdown(finding.message)}`,
        '',
        escapeMarkdown(finding.fix?.description ?? ''),
        '',
        suggestionBlock(change.text),
        '',
        `<!-- ${SUGGESTION_MARKER} ${fingerprint} -->`,
    ].join('\n');
}
/**
 * Review comments for the fixes of open findings whose every line is a RIGHT-side line inside one diff hunk of
 * the PR and reads the same in the checkout as in the PR's diff (else the suggestion could replace the wrong text).
 */
function planSuggestions(findings, diffs, headLines) {
    const comments = [];
    const seen = new Set();
    let outsideDiff = 0;
    for (const finding of findings) {
        if (finding.status === 'fixed' || !finding.fix || finding.fix.edits.length === 0)
            continue;
        const planned = finding.fix.edits.map((edit) => planEdit(finding, edit, diffs, headLines));
        if (planned.some((comment) => comment === undefined)) {
            outsideDiff += 1;
            continue;
        }
        for (const comment of planned) {
            const id = `${comment.path}:${comment.start_line ?? comment.line}:${comment.line}:${comment.fingerprint}`;
            if (seen.has(id))
                continue;
            seen.add(id);
            comments.push(comment);
        }
    }
    return { comments, outsideDiff };
}
function planEdit(finding, edit, diffs, headLines) {
    const diff = diffs.get(edit.file);
    const lines = headLines.get(edit.file);
    if (!diff || !lines)
        return undefined;
    const change = toLineChange(edit, (line) => lines[line - 1]);
    if (!change || !inOneHunk(diff, change.start, change.end))
        return undefined;
    for (let line = change.start; line <= change.end; line += 1) {
        if (diff.lines.get(line)?.text !== lines[line - 1])
            return undefined;
    }
    const fingerprint = fingerprintOf(finding, edit.file, change);
    return {
        path: edit.file,
        line: change.end,
        ...(change.start < change.end ? { start_line: change.start, start_side: 'RIGHT' } : {}),
        side: 'RIGHT',
        body: commentBody(finding, change, fingerprint),
        fingerprint,
        findingKey: finding.key,
    };
}

;// CONCATENATED MODULE: ./src/action/review.ts

/** reviewdog's figure: more review comments in one request trip GitHub's abuse detection. */
const MAX_COMMENTS_PER_REVIEW = 30;
const MARKER_PATTERN = new RegExp(`<!-- ${SUGGESTION_MARKER} ([0-9a-f]+) -->`);
/** `path:line:fingerprint` of the suggestions this action already left on the PR. */
async function earlierSuggestions(client, pr) {
    const comments = (await client.paginate(client.rest.pulls.listReviewComments, {
        owner: pr.owner,
        repo: pr.repo,
        pull_number: pr.number,
        per_page: 100,
    }));
    const seen = new Set();
    for (const comment of comments) {
        const fingerprint = MARKER_PATTERN.exec(comment.body ?? '')?.[1];
        if (fingerprint && comment.line)
            seen.add(`${comment.path}:${comment.line}:${fingerprint}`);
    }
    return seen;
}
function reviewBody(posted, overflow, plan) {
    const lines = [`**dynakube-istio-guard** suggests ${posted} fix(es) on lines this pull request changes.`];
    if (overflow > 0)
        lines.push(`${overflow} more suggestion(s) did not fit in one review; they are listed in the PR comment.`);
    if (plan.outsideDiff > 0)
        lines.push(`${plan.outsideDiff} fix(es) touch lines outside the diff; they are listed in the PR comment.`);
    return lines.join('\n\n');
}
function asReviewComment(comment) {
    return {
        path: comment.path,
        line: comment.line,
        side: comment.side,
        ...(comment.start_line !== undefined
            ? { start_line: comment.start_line, start_side: comment.start_side }
            : {}),
        body: comment.body,
    };
}
/** One review (event COMMENT) with the new suggestions; none when there is nothing new to suggest. */
async function postSuggestions(client, pr, plan) {
    if (plan.comments.length === 0)
        return { posted: 0, repeated: 0, overflow: 0, suggestedKeys: new Set() };
    const earlier = await earlierSuggestions(client, pr);
    const fresh = plan.comments.filter((comment) => !earlier.has(`${comment.path}:${comment.line}:${comment.fingerprint}`));
    const repeated = plan.comments.length - fresh.length;
    const batch = fresh.slice(0, MAX_COMMENTS_PER_REVIEW);
    const overflow = fresh.length - batch.length;
    const left = new Set(fresh.slice(MAX_COMMENTS_PER_REVIEW).map((comment) => comment.findingKey));
    const suggestedKeys = new Set(plan.comments.map((comment) => comment.findingKey).filter((key) => !left.has(key)));
    if (batch.length === 0)
        return { posted: 0, repeated, overflow, suggestedKeys };
    const { data } = await client.rest.pulls.createReview({
        owner: pr.owner,
        repo: pr.repo,
        pull_number: pr.number,
        commit_id: pr.headSha,
        event: 'COMMENT',
        body: reviewBody(batch.length, overflow, plan),
        comments: batch.map(asReviewComment),
    });
    return { posted: batch.length, repeated, overflow, reviewId: data.id, suggestedKeys };
}

;// CONCATENATED MODULE: ./src/action/main.ts


















/** Everything the run learns about the PR from GitHub, fetched once and on first need. */
class PullRequestApi {
    pr;
    token;
    client;
    files;
    /** Set once a write was refused, the token rejected or a request timed out: nothing else is tried. */
    readOnly = false;
    constructor(pr, token) {
        this.pr = pr;
        this.token = token;
    }
    get available() {
        return this.token !== '';
    }
    github() {
        if (!this.available)
            return Promise.reject(new Error('no github-token'));
        this.client ??= createClient(this.token);
        return this.client;
    }
    async listedFiles() {
        this.files ??= this.github().then((client) => listPullRequestFiles(client, this.pr));
        return this.files;
    }
}
function selectionOf(inputs, config) {
    return {
        include: inputs.paths.length > 0 ? inputs.paths : config.include,
        exclude: [...config.exclude, ...inputs.exclude],
    };
}
/** Changed files from git when the base commit is in the clone, else from the API. */
async function pullRequestFiles(api, workspace) {
    const local = await changesFromGit(workspace, api.pr.baseSha);
    if (local)
        return local;
    const client = await api.github();
    return {
        changes: changesFromListedFiles(await api.listedFiles()),
        readBase: apiBaseReader(client, api.pr),
        via: 'the GitHub API',
        local: false,
    };
}
function touchesManifests(files, selection) {
    const matches = fileMatcher(selection);
    return files.changes.some((change) => matches(change.path) || (change.previousPath !== undefined && matches(change.previousPath)));
}
/** Runs a posting step; a refused write (fork PR, missing permission) turns posting off with one warning. */
async function posting(api, what, step) {
    if (api.readOnly || !api.available)
        return undefined;
    try {
        return await step();
    }
    catch (error) {
        if (isPermissionError(error)) {
            api.readOnly = true;
            warning(`dynakube-istio-guard cannot write to this pull request (${describeError(error)}): the ${what} and anything after it were skipped. ` +
                'This is expected for pull requests from forks; the result is in the annotations, the job summary and the check status. ' +
                "Grant 'pull-requests: write' (or use pull_request_target) to get the PR comment.");
        }
        else if (isFatalForRun(error)) {
            api.readOnly = true;
            warning(`dynakube-istio-guard could not post the ${what} (${describeError(error)}); nothing more is sent to GitHub in this run. ` +
                'The result is in the annotations, the job summary and the check status.');
        }
        else {
            warning(`dynakube-istio-guard could not post the ${what}: ${describeError(error)}`);
        }
        return undefined;
    }
}
async function headLinesOf(source, paths) {
    const lines = new Map();
    for (const path of paths) {
        const text = await source.read(path);
        if (text !== undefined)
            lines.set(path, suggestionLines(text));
    }
    return lines;
}
async function postSuggestionsFor(api, report, head) {
    const listed = await api.listedFiles();
    const diffs = new Map(listed.map((file) => [file.filename, parsePatch(file.patch)]));
    const files = new Set(report.findings.flatMap((finding) => finding.fix?.edits.map((edit) => edit.file) ?? []));
    const plan = planSuggestions(report.findings, diffs, await headLinesOf(head, files));
    const result = await postSuggestions(await api.github(), api.pr, plan);
    info(`Suggestions: ${result.posted} posted, ${result.repeated} already on the PR, ${result.overflow} over the per-review cap, ${plan.outsideDiff} outside the diff.`);
    return result.suggestedKeys;
}
function runLink() {
    const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
    const repo = process.env.GITHUB_REPOSITORY;
    const run = process.env.GITHUB_RUN_ID;
    return repo && run ? `${server}/${repo}/actions/runs/${run}` : '';
}
function fileLinkBase(pr) {
    const server = process.env.GITHUB_SERVER_URL || 'https://github.com';
    return `${server}/${pr.owner}/${pr.repo}/blob/${pr.headSha}`;
}
/** A run over some `paths` owns a comment of its own, headed by those paths. */
function scopeOf(inputs) {
    const key = commentScope(inputs.paths, inputs.exclude);
    if (!key)
        return undefined;
    const label = inputs.paths.length > 0 ? inputs.paths.join(', ') : `all but ${inputs.exclude.join(', ')}`;
    return { key, label };
}
/**
 * The review goes first: the fixes it suggests on the diff are then not repeated as patches in the comment.
 * Each step degrades on its own; a refused write stops both.
 */
async function publishToPullRequest(api, inputs, report, head) {
    const suggested = inputs.suggestions
        ? await posting(api, 'review with suggestions', () => postSuggestionsFor(api, report, head))
        : undefined;
    if (inputs.comment === 'off')
        return undefined;
    const link = runLink();
    const scope = scopeOf(inputs);
    const body = redact(reportCommentBody(report, {
        fileLinkBase: fileLinkBase(api.pr),
        ...(suggested && suggested.size > 0
            ? { suggested: (finding) => suggested.has(finding.key) }
            : {}),
    }, link ? `The full report is in the [job summary](${link}).` : 'The full report is in the job summary.', scope));
    const keep = inputs.comment === 'sticky' || report.findings.some((finding) => finding.status !== 'fixed');
    const result = await posting(api, 'PR comment', async () => upsertSticky(await api.github(), api.pr, body, keep, scope?.key));
    if (result)
        info(`PR comment: ${result.action}${result.commentId ? ` (id ${result.commentId})` : ''}.`);
    return result?.commentId;
}
/** The check must read the PR's files; under pull_request_target the default checkout is the base branch. */
async function warnIfNotHead(pr, workspace) {
    const hasHead = await checkoutHasHead(workspace, pr.headSha);
    if (hasHead === false || (hasHead === undefined && pr.eventName === 'pull_request_target')) {
        warning(`The workspace does not contain the pull request's head commit ${pr.headSha.slice(0, 12)}: the check reads whatever is checked out. ` +
            'With pull_request_target, check out `${{ github.event.pull_request.head.sha }}` (safe here: the files are only read, never run).');
    }
}
const NO_CHANGES_NOTE = 'This pull request changes no Kubernetes manifests that dynakube-istio-guard reads: nothing to check.';
/** A PR without manifest changes passes at once; an earlier sticky comment is told so, never created. */
async function passWithoutChanges(api, inputs) {
    info(NO_CHANGES_NOTE);
    await summary.addRaw(`${COMMENT_MARKER}\n### dynakube-istio-guard\n\n✅ ${NO_CHANGES_NOTE}\n`).write();
    let commentId;
    if (inputs.comment !== 'off') {
        const scope = scopeOf(inputs);
        const body = stickyBody(`${COMMENT_MARKER}\n### dynakube-istio-guard\n\n✅ ${NO_CHANGES_NOTE}\n`, '', scope);
        const result = await posting(api, 'PR comment', async () => refreshExistingSticky(await api.github(), api.pr, body, scope?.key));
        commentId = result?.commentId;
    }
    setOutput('conclusion', 'success');
    setOutput('errors', 0);
    setOutput('warnings', 0);
    setOutput('new-findings', 0);
    if (commentId !== undefined)
        setOutput('comment-id', commentId);
}
/** One log line on what was read, so a slow run shows where its files came from. */
function readSummary(stats) {
    const { filesRead, reused, documents, documentsParsed } = stats;
    return `Read ${filesRead} file(s) (${reused} shared by base and head), ${documents} document(s), ${documentsParsed} of them through the full YAML parser.`;
}
/** The base side: head with the PR's changes undone (made before head is read, so git can start on base's files). */
function baseSource(api, head, files, selection) {
    info(`Pull request #${api.pr.number}: ${files.changes.length} changed file(s), from ${files.via}.`);
    return overlaySource(head, files.changes, files.readBase, selection, { readEarly: files.local });
}
async function writeLocalOutputs(report, inputs, workspace, notes) {
    const outputs = {};
    if (inputs.annotations) {
        const note = overflowNote(annotate(report));
        if (note)
            notes.push(note);
    }
    await writeSummary(renderMarkdown(report, { maxLength: SUMMARY_LIMIT - 10_000 }), notes);
    if (inputs.sarifFile)
        outputs.sarifFile = await writeSarif(report, inputs.sarifFile, workspace);
    if (inputs.outputDir) {
        const written = await writeOutputDir(report, inputs.outputDir, workspace);
        outputs.reportFile = written.report;
        outputs.generatedDir = written.generated;
    }
    return outputs;
}
async function main_run() {
    try {
        const inputs = readInputs();
        const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
        const context = await readRunContext();
        const config = await loadConfig(workspace, inputs.config);
        const selection = selectionOf(inputs, config);
        const cache = new ParseCache();
        const headSource = directory_directorySource(workspace, selection);
        const api = context.kind === 'pull_request' ? new PullRequestApi(context, inputs.token) : undefined;
        const notes = [];
        let base;
        let head;
        if (api) {
            // Independent git questions (a few processes each): asked together.
            const [, files] = await Promise.all([
                warnIfNotHead(api.pr, workspace),
                pullRequestFiles(api, workspace).catch((error) => {
                    if (isFatalForRun(error))
                        api.readOnly = true;
                    notes.push(`The PR's base could not be read (${describeError(error)}); every finding counts as new.`);
                    warning(notes.at(-1));
                    return undefined;
                }),
            ]);
            if (files && !touchesManifests(files, selection) && inputs.failScope === 'new') {
                await passWithoutChanges(api, inputs);
                return;
            }
            const overlay = files && baseSource(api, headSource, files, selection);
            // Head first: the base built from it then takes every file the PR left alone from head's reads.
            head = await loadModel(headSource, cache);
            if (overlay)
                base = await loadModel(overlay, cache);
        }
        else {
            info(`Event '${context.eventName}': no pull request to compare with, so every finding counts as new.`);
        }
        head ??= await loadModel(headSource, cache);
        info(readSummary(cache.stats));
        const { report } = await addGenerated(analyze(head, base, { settings: config.rules }), {
            dynatrace: {
                apiUrl: inputs.dynatraceApiUrl,
                token: inputs.dynatraceApiToken,
                timeoutMs: requestTimeoutMs(DEFAULT_TIMEOUT_MS),
            },
        });
        const failed = shouldFail(report, inputs.failOn, inputs.failScope);
        const outputs = await writeLocalOutputs(report, inputs, workspace, notes);
        const commentId = api ? await publishToPullRequest(api, inputs, report, headSource) : undefined;
        setOutputs(report, {
            ...outputs,
            conclusion: failed ? 'failure' : 'success',
            ...(commentId ? { commentId } : {}),
        });
        if (failed)
            setFailed(`dynakube-istio-guard: ${inputs.failScope === 'new' ? 'new ' : ''}findings at or above '${inputs.failOn}' (${report.summary.errors} error(s), ${report.summary.warnings} warning(s), ${report.summary.new} new)`);
    }
    catch (error) {
        setFailed(`dynakube-istio-guard: ${describeError(error)}`);
    }
}


/***/ }),

/***/ 6746:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ validateVirtualServiceSpec),
/* harmony export */   d: () => (/* binding */ validateServiceEntrySpec)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);

/** Protocols Istio's parser accepts (case-insensitive); `HTTP_PROXY` and `GRPC-WEB` included. */
const PROTOCOLS = [
    'HTTP',
    'HTTPS',
    'GRPC',
    'GRPC-WEB',
    'HTTP2',
    'HTTP_PROXY',
    'MONGO',
    'MYSQL',
    'REDIS',
    'TCP',
    'TLS',
    'UDP',
];
const HTTP_PROTOCOLS = ['HTTP', 'HTTP2', 'GRPC', 'GRPC-WEB', 'HTTP_PROXY'];
const TLS_PROTOCOLS = ['HTTPS', 'TLS'];
const RESOLUTIONS = ['NONE', 'STATIC', 'DNS', 'DNS_ROUND_ROBIN', 'DYNAMIC_DNS'];
/** Istio's DNS-1123 label (it allows upper case, as in the operator's `TCP-443`). */
const DNS1123_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;
function list(value) {
    return Array.isArray(value) ? value : [];
}
function text(value) {
    return typeof value === 'string' ? value : undefined;
}
function validateServiceEntrySpec(spec) {
    const problems = [];
    const add = (message, path, severity = 'error') => problems.push({ severity, message, path });
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
        add('spec is missing', []);
        return problems;
    }
    const se = spec;
    const hosts = list(se.hosts).map((host) => text(host) ?? '');
    const resolution = (text(se.resolution) ?? 'NONE').toUpperCase();
    const endpoints = list(se.endpoints);
    if (hosts.length === 0)
        add('service entry must have at least one host', ['hosts']);
    hosts.forEach((host, index) => checkHost(host, resolution, (message, severity) => add(message, ['hosts', index], severity)));
    if (!RESOLUTIONS.includes(resolution))
        add(`unknown resolution "${String(se.resolution)}"`, ['resolution']);
    checkPorts(se, add);
    checkAddresses(se, resolution, add);
    if (resolution === 'NONE' && endpoints.length > 0)
        add('no endpoints should be provided for resolution type NONE', ['endpoints']);
    if ((resolution === 'DNS' || resolution === 'DNS_ROUND_ROBIN') && endpoints.length === 0) {
        hosts.forEach((host, index) => {
            if (host.includes('*')) {
                add(`hosts must be FQDN if no endpoints are provided for resolution mode ${resolution}: "${host}"`, [
                    'hosts',
                    index,
                ]);
            }
        });
    }
    if (resolution === 'DNS_ROUND_ROBIN' && endpoints.length > 1)
        add('DNS_ROUND_ROBIN mode cannot have multiple endpoints', ['endpoints']);
    if (resolution !== 'NONE' && hosts.length > 1 && !portsDistinguishHosts(se)) {
        add('multiple hosts provided with non-HTTP, non-TLS ports', ['ports']);
    }
    checkExportTo(se, add);
    return problems;
}
function checkHost(host, resolution, add) {
    if (host === '*')
        return add('hostname cannot be wildcard "*"');
    if (host === '')
        return add('empty host');
    const labels = host.split('.');
    const [first, ...rest] = labels;
    if (first !== '*' && first.includes('*') && resolution !== 'DYNAMIC_DNS') {
        add(`partial wildcard "${host}" is not allowed`, 'warning');
    }
    const checked = first === '*' || first.includes('*') ? rest : labels;
    if (checked.some((label) => label.length > 63 || !DNS1123_LABEL.test(label)))
        return add(`invalid host "${host}"`);
    const topLevel = labels[labels.length - 1];
    if (labels.length > 1 && /^[0-9]+$/.test(topLevel))
        add(`invalid host "${host}": the top-level domain cannot be all-numeric`);
}
function checkPorts(se, add) {
    const names = new Set();
    const numbers = new Set();
    list(se.ports).forEach((item, index) => {
        const port = (item ?? {});
        const name = text(port.name) ?? '';
        const number = port.number;
        if (names.has(name))
            add(`service entry port name "${name}" already defined`, ['ports', index, 'name']);
        names.add(name);
        if (!name || name.length > 63 || !DNS1123_LABEL.test(name))
            add(`invalid port name "${name}"`, ['ports', index, 'name']);
        if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 65535) {
            add(`port number ${String(number)} is not between 1 and 65535`, ['ports', index, 'number']);
        }
        else if (numbers.has(number)) {
            add(`service entry port ${number} already defined`, ['ports', index, 'number']);
        }
        else
            numbers.add(number);
        const protocol = text(port.protocol);
        if (protocol !== undefined && protocol !== '' && !PROTOCOLS.includes(protocol.toUpperCase())) {
            add(`unsupported protocol "${protocol}"`, ['ports', index, 'protocol']);
        }
        const target = port.targetPort;
        if (target !== undefined &&
            (typeof target !== 'number' || !Number.isInteger(target) || target < 1 || target > 65535)) {
            add(`targetPort ${String(target)} is not between 1 and 65535`, ['ports', index, 'targetPort']);
        }
    });
}
/** Several hosts are only told apart by the Host header (HTTP) or SNI (TLS); plain TCP cannot. */
function portsDistinguishHosts(se) {
    return list(se.ports).every((item) => {
        const protocol = (text((item ?? {}).protocol) ?? '').toUpperCase();
        return HTTP_PROTOCOLS.includes(protocol) || TLS_PROTOCOLS.includes(protocol);
    });
}
function checkAddresses(se, resolution, add) {
    list(se.addresses).forEach((item, index) => {
        const address = text(item) ?? '';
        const [ip, prefix, extra] = address.split('/');
        const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(ip);
        const maxPrefix = family === 6 ? 128 : 32;
        const validPrefix = prefix === undefined || (/^[0-9]+$/.test(prefix) && Number(prefix) <= maxPrefix);
        if (family === 0 || !validPrefix || extra !== undefined)
            add(`invalid address "${address}"`, ['addresses', index]);
        if (prefix !== undefined && resolution !== 'NONE' && resolution !== 'STATIC') {
            add('CIDR addresses are allowed only for NONE/STATIC resolution types', ['addresses', index]);
        }
    });
}
function checkExportTo(se, add) {
    const exportTo = list(se.exportTo).map((item) => text(item) ?? '');
    if (exportTo.length > 1 && exportTo.includes('*'))
        add('exportTo "*" cannot be combined with other namespaces', ['exportTo']);
    if (exportTo.length > 1 && exportTo.includes('~'))
        add('cannot export service entry to no one (~) and someone', ['exportTo']);
    if (new Set(exportTo).size !== exportTo.length)
        add('duplicate entries in exportTo', ['exportTo']);
}
/** The VirtualService checks that matter for generated objects: hosts present and distinct, some route. */
function validateVirtualServiceSpec(spec) {
    const problems = [];
    const vs = (spec ?? {});
    const hosts = list(vs.hosts).map((host) => text(host) ?? '');
    if (hosts.length === 0)
        problems.push({
            severity: 'error',
            message: 'virtual service must have at least one host',
            path: ['hosts'],
        });
    hosts.forEach((host, index) => {
        if (hosts.indexOf(host) !== index) {
            problems.push({
                severity: 'error',
                message: `duplicate hosts in virtual service: "${host}"`,
                path: ['hosts', index],
            });
        }
    });
    if (['http', 'tls', 'tcp'].every((key) => list(vs[key]).length === 0)) {
        problems.push({
            severity: 'error',
            message: 'http, tcp or tls must be provided in virtual service',
            path: [],
        });
    }
    return problems;
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _action_main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7040);

await (0,_action_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
exports.Vj = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
exports.qg = publicApi.parse;
exports.hR = publicApi.parseAllDocuments;
__webpack_unused_export__ = publicApi.parseDocument;
exports.As = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
