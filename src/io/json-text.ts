/**
 * JSON text checked before JSON.parse sees it, in one pass without recursion:
 * the first syntax error said in words with its line and column (a comment,
 * a trailing comma, NaN, a single quote, text cut short…) instead of the
 * engine's message, and nesting deeper than any GeoJSON refused before a
 * recursive walk could overflow the call stack.
 */
import type { ProblemCode } from './problem-codes.ts';

export interface JsonTextProblem {
  /** 1-based line and column (in characters) where the problem starts. */
  line: number;
  column: number;
  code: ProblemCode;
  reason: string;
  fix: string;
}

const FIX_SYNTAX = 'export the file again as GeoJSON from the GIS, or correct it at this place in a text editor';

/** Where `offset` lies: 1-based line and column. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * The first problem of JSON `text`, or null when JSON.parse will take it and
 * no value is nested deeper than `maxDepth`.
 * @example checkJsonText('{"a": 1,}', 64)?.reason // 'a comma before "}": JSON allows no comma after the last member'
 */
export function checkJsonText(text: string, maxDepth: number): JsonTextProblem | null {
  const n = text.length;
  // open containers: 0x7b '{' or 0x5b '['
  const stack: number[] = [];
  let i = 0;
  const fail = (at: number, reason: string, fix = FIX_SYNTAX, code: ProblemCode = 'bad-json'): JsonTextProblem => ({ ...lineColumn(text, at), code, reason, fix });

  /** Skips white space; a comment there is an error (returned). */
  const skip = (): JsonTextProblem | null => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 0x2f && (text.charCodeAt(i + 1) === 0x2f || text.charCodeAt(i + 1) === 0x2a)) {
      return fail(i, `a comment ("${text.slice(i, i + 2)}"); JSON allows no comments`, 'delete the comment (GeoJSON is plain JSON), or export the file again from the GIS');
    }
    return null;
  };

  /** What stands at `at`, for a message. */
  const found = (at: number): string => {
    if (at >= n) return 'the end of the text';
    const word = /^[A-Za-z_$][\w$]*/.exec(text.slice(at, at + 20));
    return word ? `"${word[0]}"` : `"${text[at]}"`;
  };

  /** Reads one string starting at the quote at i; returns a problem or null (i after the closing quote). */
  const string = (): JsonTextProblem | null => {
    const start = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return null;
      }
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail(i, 'a "\\u" escape without 4 hexadecimal digits inside a text value');
          i += 6;
        } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) i += 2;
        else return fail(i, `an unknown escape "\\${text[i + 1] ?? ''}" inside a text value`);
        continue;
      }
      if (c < 0x20) return fail(i, c === 0x0a || c === 0x0d ? 'a line break inside a text value (a missing closing quote?)' : 'a control character inside a text value');
      i++;
    }
    return fail(start, 'the text ends inside a text value (a missing closing quote, or the file is cut short)');
  };

  /** Reads one number at i; returns a problem or null. */
  const number = (): JsonTextProblem | null => {
    const start = i;
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
    else return fail(start, `${found(start)} is not a JSON value (numbers are written like -12.5 or 1e-3; "Infinity" and "NaN" are not JSON: write null)`);
    if (text.charCodeAt(i) === 0x2e) {
      i++;
      if (!isDigit(text.charCodeAt(i))) return fail(start, `"${text.slice(start, i)}" is not a number (no digit after the point)`);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    if (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45) {
      i++;
      if (text.charCodeAt(i) === 0x2b || text.charCodeAt(i) === 0x2d) i++;
      if (!isDigit(text.charCodeAt(i))) return fail(start, `"${text.slice(start, i)}" is not a number (no digits in the exponent)`);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    return null;
  };

  /** Reads a value at i (after white space): a scalar, or the opening of a container (pushed). */
  const value = (): JsonTextProblem | null => {
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      if (stack.length >= maxDepth) {
        return fail(i, `nested more than ${maxDepth} levels deep; GeoJSON needs fewer than 12`, 'check that the file is GeoJSON; a geometry collection inside a geometry collection should be flattened', 'too-complex');
      }
      stack.push(c);
      i++;
      return null;
    }
    if (c === 0x22) return string();
    if (c === 0x2d || isDigit(c)) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    if (i >= n) return fail(i, stack.length === 0 ? 'holds no JSON value (the text is empty)' : `the text ends inside ${stack[stack.length - 1] === 0x7b ? 'an object' : 'an array'} (the file is cut short?)`);
    if (c === 0x27) return fail(i, 'a single quote; JSON text values and names are in double quotes (")');
    if (c === 0x2c) return fail(i, 'a comma where a value should be (two commas in a row?)');
    if (c === 0x5d || c === 0x7d) return fail(i, `"${text[i]}" where a value should be`);
    return fail(i, `${found(i)} is not a JSON value (values are text in double quotes, numbers, true, false, null, objects or arrays; "NaN" and "Infinity" are not JSON: write null)`);
  };

  // expect: 'value' at the start, after ':' or after ',' in an array; 'key' after '{' or ',' in an object; 'after' after a value
  let expect: 'value' | 'key' | 'after' = 'value';
  let afterComma = false;
  for (;;) {
    const comment = skip();
    if (comment) return comment;
    if (expect === 'value') {
      const top = stack[stack.length - 1];
      if (top === 0x5b && text.charCodeAt(i) === 0x5d) {
        if (afterComma) return fail(i - 1 - countSpaceBack(text, i - 1), 'a comma before "]": JSON allows no comma after the last item', 'delete that comma');
        stack.pop();
        expect = 'after';
        continue;
      }
      const depth = stack.length;
      const problem = value();
      if (problem) return problem;
      afterComma = false;
      if (stack.length > depth) expect = stack[stack.length - 1] === 0x7b ? 'key' : 'value';
      else expect = 'after';
      continue;
    }
    if (expect === 'key') {
      const c = text.charCodeAt(i);
      if (c === 0x7d) {
        if (afterComma) return fail(i - 1 - countSpaceBack(text, i - 1), 'a comma before "}": JSON allows no comma after the last member', 'delete that comma');
        stack.pop();
        expect = 'after';
        continue;
      }
      if (c === 0x27) return fail(i, 'a single quote; JSON text values and names are in double quotes (")');
      if (c !== 0x22) return fail(i, i >= n ? 'the text ends inside an object (the file is cut short?)' : `${found(i)} where a name in double quotes should be`);
      const problem = string();
      if (problem) return problem;
      const comment2 = skip();
      if (comment2) return comment2;
      if (text.charCodeAt(i) !== 0x3a) return fail(i, i >= n ? 'the text ends inside an object (the file is cut short?)' : `${found(i)} where a ":" should follow the name`);
      i++;
      expect = 'value';
      afterComma = false;
      continue;
    }
    // after a value: the end, a comma, or a closing bracket
    if (stack.length === 0) {
      if (i >= n) return null;
      return fail(i, `more text after the end of the JSON value: ${found(i)} (two values in one file?)`, 'keep one FeatureCollection per file');
    }
    const top = stack[stack.length - 1];
    const c = text.charCodeAt(i);
    if (c === 0x2c) {
      i++;
      expect = top === 0x7b ? 'key' : 'value';
      afterComma = true;
      continue;
    }
    if ((top === 0x7b && c === 0x7d) || (top === 0x5b && c === 0x5d)) {
      i++;
      stack.pop();
      continue;
    }
    if (i >= n) return fail(i, `the text ends inside ${top === 0x7b ? 'an object' : 'an array'} (the file is cut short?)`);
    return fail(i, `${found(i)} where a comma or "${top === 0x7b ? '}' : ']'}" should be (a missing comma?)`);
  }
}

/** White space characters right before (and including) `at`, walking back. */
function countSpaceBack(text: string, at: number): number {
  let k = 0;
  while (at - k >= 0 && isSpace(text.charCodeAt(at - k))) k++;
  return k;
}
