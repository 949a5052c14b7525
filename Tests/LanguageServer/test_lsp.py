"""`mml lsp` through a real LSP client (pygls's LanguageClient): open an exercise, receive its
diagnostics, ask hover, completion, signature help, definition, references and symbols.

Run by Scripts/test-lsp after `swift build`; the server is .build/debug/mml (MML_LSP_COMMAND
overrides it)."""
import asyncio
import os
import pathlib
import time
import unittest

from lsprotocol import types as lsp
from pygls.lsp.client import LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
MML = os.environ.get("MML_LSP_COMMAND", str(ROOT / ".build" / "debug" / "mml"))
EXERCISE = ROOT / "Exercises" / "02-calculus" / "gradient-descent.mml"


class MMLLanguageServerTest(unittest.IsolatedAsyncioTestCase):
    async def asyncSetUp(self):
        self.client = LanguageClient("mml-lsp-test", "1")
        self.diagnostics = {}
        self.published = asyncio.Event()

        @self.client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: lsp.PublishDiagnosticsParams):
            self.diagnostics[params.uri] = params
            self.published.set()

        await self.client.start_io(MML, "lsp")
        result = await self.client.initialize_async(lsp.InitializeParams(
            capabilities=lsp.ClientCapabilities(text_document=lsp.TextDocumentClientCapabilities(
                completion=lsp.CompletionClientCapabilities(
                    completion_item=lsp.ClientCompletionItemOptions(snippet_support=True)))),
            root_uri=ROOT.as_uri()))
        self.capabilities = result.capabilities
        self.client.initialized(lsp.InitializedParams())

    async def asyncTearDown(self):
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()

    async def open(self, uri, text):
        self.published.clear()
        self.client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id="mml", version=1, text=text)))
        return await self.next_diagnostics(uri)

    async def next_diagnostics(self, uri):
        await asyncio.wait_for(self.published.wait(), 10)
        self.published.clear()
        return self.diagnostics[uri]

    def at(self, uri, line, character):
        return dict(text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=line, character=character))

    async def test_an_exercise_checks_clean_and_its_names_resolve(self):
        text = EXERCISE.read_text()
        uri = EXERCISE.as_uri()
        published = await self.open(uri, text)
        self.assertEqual(list(published.diagnostics), [])
        lines = text.split("\n")
        # A builtin's hover is its reference entry.
        row = next(i for i, l in enumerate(lines) if l.startswith("check("))
        hover = await self.client.text_document_hover_async(lsp.HoverParams(**self.at(uri, row, 2)))
        self.assertIn("check(", hover.contents.value)
        # A user function: definition, references, hover with its defining line.
        row, col = next((i, l.index("dq")) for i, l in enumerate(lines) if "dq" in l and not l.startswith("#"))
        uses = [(i, l.index("dq")) for i, l in enumerate(lines) if "dq" in l and not l.lstrip().startswith("#")]
        last = uses[-1]
        definition = await self.client.text_document_definition_async(lsp.DefinitionParams(**self.at(uri, *last)))
        self.assertEqual((definition.range.start.line, definition.range.start.character), (row, col))
        references = await self.client.text_document_references_async(lsp.ReferenceParams(
            **self.at(uri, *last), context=lsp.ReferenceContext(include_declaration=True)))
        self.assertEqual(sorted((r.range.start.line, r.range.start.character) for r in references), sorted(uses))
        hover = await self.client.text_document_hover_async(lsp.HoverParams(**self.at(uri, *last)))
        self.assertIn(lines[row].strip(), hover.contents.value)
        symbols = await self.client.text_document_document_symbol_async(lsp.DocumentSymbolParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri)))
        self.assertIn("dq", [s.name for s in symbols])

    async def test_mistakes_as_you_type_with_utf16_positions(self):
        uri = "file:///scratch/typing.mml"
        published = await self.open(uri, "θ = 1\n")
        self.assertEqual(list(published.diagnostics), [])
        # A full-text change: a misspelt builtin after an emoji in a string (a surrogate pair).
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text='θ = 1\nprint("😀", sqr(θ))\n')]))
        published = await self.next_diagnostics(uri)
        self.assertEqual(len(published.diagnostics), 1)
        d = published.diagnostics[0]
        self.assertEqual(d.message, "unknown name `sqr`\nhint: did you mean `sqrt`?")
        # print(" is 7 units, 😀 two more, then ", and a space: sqr starts at 12.
        self.assertEqual((d.range.start.line, d.range.start.character, d.range.end.character), (1, 12, 15))
        # An incremental change fixes it: insert "t" after sqr.
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[lsp.TextDocumentContentChangePartial(
                range=lsp.Range(start=lsp.Position(line=1, character=15), end=lsp.Position(line=1, character=15)), text="t")]))
        published = await self.next_diagnostics(uri)
        self.assertEqual(list(published.diagnostics), [])
        # A syntax error, then a wrong keyword argument.
        for text, message, start in [
            ("x = 1\ny = 2 +* 3\n", "expected an expression, found `*`", (1, 7)),
            ("v = linspace(0, 1, nn=5)\n", "linspace has no parameter named `nn`", (0, 19)),
        ]:
            self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=4),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))
            published = await self.next_diagnostics(uri)
            self.assertIn(message, [d.message.split("\n")[0] for d in published.diagnostics])
            found = next(d for d in published.diagnostics if d.message.startswith(message))
            self.assertEqual((found.range.start.line, found.range.start.character), start)

    async def test_completion_and_signature_help_on_a_half_typed_line(self):
        uri = "file:///scratch/completion.mml"
        await self.open(uri, "learning_rate = 0.1\nw = gd(x -> x^2, 1, lea\n")
        completion = await self.client.text_document_completion_async(lsp.CompletionParams(**self.at(uri, 1, 23)))
        labels = [item.label for item in completion.items]
        self.assertIn("learning_rate", labels)
        self.assertNotIn("sqrt", labels)
        # Inside gd( … ): its keyword arguments come first.
        completion = await self.client.text_document_completion_async(lsp.CompletionParams(**self.at(uri, 1, 20)))
        labels = sorted(completion.items, key=lambda item: item.sort_text)
        self.assertTrue(labels[0].label.endswith("="), labels[:3])
        help = await self.client.text_document_signature_help_async(lsp.SignatureHelpParams(**self.at(uri, 1, 20)))
        self.assertTrue(help.signatures[0].label.startswith("gd("))
        self.assertEqual(help.active_parameter, 2)

    async def test_the_scripts_own_functions(self):
        uri = "file:///scratch/functions.mml"
        text = "fn step(w, rate=0.1) { return w - rate * 2 * w }\nf(x, y) = x * y\na = f(1)\n"
        published = await self.open(uri, text)
        # The call of f with one argument: the message a run would give, at the call.
        [d] = [d for d in published.diagnostics if "takes" in d.message]
        self.assertEqual(d.message, "f takes 2 arguments but was given 1\nhint: it is defined as f(x, y)")
        self.assertEqual((d.range.start.line, d.range.start.character, d.range.end.character), (2, 4, 8))
        # Signature help inside step( … ) on a half-typed line: its parameters, the second active.
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text + "z = step(1, rat\n")]))
        await self.next_diagnostics(uri)
        help = await self.client.text_document_signature_help_async(lsp.SignatureHelpParams(**self.at(uri, 3, 15)))
        self.assertEqual(help.signatures[0].label, "step(w, rate=0.1)")
        self.assertEqual(help.active_parameter, 1)
        self.assertEqual(tuple(help.signatures[0].parameters[1].label), (8, 12))

    async def test_record_fields_and_snippets(self):
        uri = "file:///scratch/records.mml"
        await self.open(uri, "opts.rate = 0.1\nopts.steps = 100\nr = opts.\nfo\n")
        completion = await self.client.text_document_completion_async(lsp.CompletionParams(**self.at(uri, 2, 9)))
        self.assertEqual([item.label for item in completion.items], ["rate", "steps"])
        completion = await self.client.text_document_completion_async(lsp.CompletionParams(**self.at(uri, 3, 2)))
        snippets = [item for item in completion.items if item.kind == lsp.CompletionItemKind.Snippet]
        self.assertEqual([item.label for item in snippets], ["for"])
        self.assertEqual(snippets[0].insert_text_format, lsp.InsertTextFormat.Snippet)
        self.assertTrue(snippets[0].insert_text.startswith("for ${1:i} in"))

    async def test_the_fields_of_a_builtins_result(self):
        uri = "file:///scratch/result.mml"
        await self.open(uri, "J(w) = (w[1] - 1)^2 + w[2]^2\nres = gd(J, [0, 0])\nbest = res.x\nres.\n")
        completion = await self.client.text_document_completion_async(lsp.CompletionParams(**self.at(uri, 3, 4)))
        items = sorted(completion.items, key=lambda item: item.sort_text)
        self.assertEqual([item.label for item in items],
                         ["x", "value", "steps", "converged", "diverged", "message", "path", "values", "grad_norm", "f"])
        self.assertEqual(items[0].kind, lsp.CompletionItemKind.Field)
        self.assertTrue(items[0].detail.startswith("gd result: the point found"), items[0].detail)
        # Hover on the field x of `res.x`: what it holds.
        hover = await self.client.text_document_hover_async(lsp.HoverParams(**self.at(uri, 2, 11)))
        self.assertIn("the point found", hover.contents.value)

    async def test_diagnostics_of_a_long_script_arrive_quickly(self):
        # 2,000 lines; timed from sending the change to receiving its diagnostics.
        uri = "file:///scratch/long.mml"
        body = "".join(f"x{i} = {i} * 2\ny{i} = sqrt(x{i}) + x{i}^2\n" for i in range(1000))
        await self.open(uri, body)
        times = []
        for version in range(2, 12):
            start = time.perf_counter()
            self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
                text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=body + f"z = x{version} + w\n")]))
            published = await self.next_diagnostics(uri)
            times.append(time.perf_counter() - start)
            self.assertEqual([d.message.split("\n")[0] for d in published.diagnostics], ["unknown name `w`"])
        median = sorted(times)[len(times) // 2]
        print(f"\n2,000-line script: diagnostics in {median * 1000:.1f} ms (median of {len(times)}, debug build)")
        self.assertLess(median, 2.0)


if __name__ == "__main__":
    unittest.main()
