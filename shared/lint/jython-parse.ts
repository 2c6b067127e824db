// Parses a script as Jython's compiler reads it, and keeps what its tokenizer found beside the tree for the rules.
import type { Parser, Tree } from 'web-tree-sitter';
import { lexJython, relexJython, visibleText, type JythonLex } from '../jython/lexer';
import { parsableText } from '../python/parser';
import type { Script } from '../source/script';

/** What Jython's tokenizer found in the text a tree was parsed from. */
const lexes = new WeakMap<Tree, JythonLex>();
/** The text a tree's lex was made from, so that the next parse from that tree re-lexes only around the change. */
const lexedTexts = new WeakMap<Tree, string>();
/** Trees parsed from text with skipped ranges blanked: an incremental re-parse cannot start from them. */
const blanked = new WeakSet<Tree>();

/**
 * Text Jython's tokenizer skips (an unclosed string, a lone `!`) is blanked before tree-sitter parses, offsets
 * unchanged. With `oldTree` (already `edit()`ed), tree-sitter re-parses only what changed, unless blanking changed
 * text the edit did not touch; then it parses afresh. The tokenizer, too, runs again only around the change.
 */
export function parseAsJython(parser: Parser, script: Script, oldTree?: Tree): Tree {
  const before = oldTree && lexedTexts.get(oldTree);
  const lex = oldTree && before !== undefined ? relexJython(before, lexes.get(oldTree)!, script.text) : lexJython(script.text);
  const visible = visibleText(script.text, lex);
  const reuse = oldTree && !blanked.has(oldTree) && visible === script.text ? oldTree : null;
  const tree = parser.parse(parsableText(visible), reuse);
  if (!tree) throw new Error(`the Python parser gave up on ${script.id}`);
  lexes.set(tree, lex);
  lexedTexts.set(tree, script.text);
  if (visible !== script.text) blanked.add(tree);
  return tree;
}

/** The tokenizer's findings for a tree (indentation errors, skipped text); trees parsed elsewhere are lexed now. */
export function jythonLexOf(tree: Tree): JythonLex {
  let lex = lexes.get(tree);
  if (!lex) {
    lex = lexJython(tree.rootNode.text);
    lexes.set(tree, lex);
  }
  return lex;
}
