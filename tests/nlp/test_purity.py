import ast
from pathlib import Path

import stories.nlp

NLP_DIR = Path(stories.nlp.__file__).parent


def test_the_extraction_core_never_imports_django() -> None:
    offenders = []
    for path in sorted(NLP_DIR.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "django"]
    assert offenders == []
