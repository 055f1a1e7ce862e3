"""The table of contents: sections and their slides, seen ones marked; click or Enter opens one."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from oppija.content.model import Lecture


class ContentsTree(Tree[str]):
    """Sections as folders, slides as leaves (their data is the slide id)."""

    DEFAULT_CSS = """
    ContentsTree {
        width: 34;
        overflow-x: hidden;
        border-right: vkey $primary 40%;
        padding: 0 1 0 0;
    }
    ContentsTree.-ascii { border-right: ascii $primary 40%; }
    """

    class SlideChosen(Message):
        """The learner picked a slide in the contents."""

        def __init__(self, slide_id: str) -> None:
            self.slide_id = slide_id
            super().__init__()

    def __init__(self, ascii_mode: bool = False, **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.show_root = False
        self.guide_depth = 2
        self._ascii = ascii_mode
        self._leaves: dict[str, TreeNode[str]] = {}
        self._titles: dict[str, str] = {}
        self._marked: set[str] = set()
        self._seen_mark = "*" if ascii_mode else "✓"
        if ascii_mode:
            self.ICON_NODE = "+ "
            self.ICON_NODE_EXPANDED = "- "
            self.show_guides = False
            self.add_class("-ascii")

    def show_lecture(self, lecture: Lecture, seen: set[str]) -> None:
        """Fill the tree from a lecture (again after a language switch)."""
        self.clear()
        self._leaves.clear()
        self._titles.clear()
        self._marked = set(seen)
        for section in lecture.sections:
            branch = self.root.add(section.title, data=section.id, expand=True)
            for slide in section.slides:
                self._titles[slide.id] = slide.title
                self._leaves[slide.id] = branch.add_leaf(self._label(slide.id, seen), data=slide.id)

    def _label(self, slide_id: str, seen: set[str]) -> str:
        mark = self._seen_mark if slide_id in seen else " "
        return f"{mark} {self._titles[slide_id]}"

    def mark(self, current: str, seen: set[str]) -> None:
        """Refresh the seen marks that changed and put the cursor on the current slide."""
        for slide_id in seen - self._marked:
            node = self._leaves.get(slide_id)
            if node is not None:
                node.set_label(self._label(slide_id, seen))
        self._marked = set(seen) & self._leaves.keys()
        node = self._leaves.get(current)
        if node is not None and self.cursor_node is not node:
            if node.parent is not None and not node.parent.is_expanded:
                node.parent.expand()
            self.move_cursor(node, animate=False)

    def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        if event.node.data in self._leaves:
            self.post_message(self.SlideChosen(event.node.data))
