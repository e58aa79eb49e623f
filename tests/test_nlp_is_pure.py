import ast
from pathlib import Path

NLP = Path(__file__).resolve().parent.parent / "stories" / "nlp"


def test_the_pipeline_never_imports_django():
    offenders = []
    for path in NLP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "django"]
    assert offenders == []
