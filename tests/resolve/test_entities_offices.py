"""One person under two first names: a head of state's nickname, on hand-made analyses."""

from __future__ import annotations

from tests.resolve.test_entities import doc, entity, resolve, same


def test_a_nickname_of_one_office_holder_is_the_same_person() -> None:
    resolution = resolve(
        doc("a", "Talks opened in Valletta with Maltese President [[Jonathan Abela Jr.|PERSON]]."),
        doc("b", "Envoys later met President [[Jonathan Abela|PERSON]] at the palace."),
        doc("c", "Critics say President [[Jojo Abela|PERSON]] gave too much away."),
        doc("d", "President [[Abela|PERSON]] did not comment."),
    )
    assert same(resolution, "Jonathan Abela Jr.", "Jonathan Abela", "Jojo Abela", "Abela")


def test_two_holders_named_in_one_article_stay_two() -> None:
    resolution = resolve(
        doc("a", "President [[Jonathan Abela|PERSON]] met reporters on Monday."),
        doc(
            "b",
            "President [[Jonathan Abela|PERSON]] praised the late President "
            "[[Carmel Abela|PERSON]] for the first treaty.",
        ),
    )
    assert not same(resolution, "Jonathan Abela", "Carmel Abela")


def test_a_shared_surname_without_the_same_office_stays_apart() -> None:
    resolution = resolve(
        doc("a", "President [[Jonathan Abela|PERSON]] met reporters on Monday."),
        doc("b", "Mayor [[Rita Abela|PERSON]] opened the new port."),
    )
    assert entity(resolution, "Jonathan Abela").id != entity(resolution, "Rita Abela").id


def test_a_two_word_country_before_a_title_is_the_roles_country() -> None:
    from dateline.resolve.roles import title_before

    text = "Later, Sri Lankan defence minister Ruwan Perera met the envoy."
    start = text.index("Ruwan")
    claim = title_before("d", text, start, start + len("Ruwan Perera"))
    assert claim is not None
    assert claim.country == "Sri Lanka"
    assert claim.title == "defence minister"
    text = "Koizumi also met New Zealand defense minister Judith Collins on the same day."
    start = text.index("Judith")
    claim = title_before("d", text, start, start + len("Judith Collins"))
    assert claim is not None and claim.country == "New Zealand"
