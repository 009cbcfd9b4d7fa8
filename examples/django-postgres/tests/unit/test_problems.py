from core.problems import field_errors, problem


def test_a_problem_has_the_rfc_9457_members():
    assert problem(404, "Nothing here.") == {
        "type": "about:blank",
        "title": "Not Found",
        "status": 404,
        "detail": "Nothing here.",
    }


def test_field_errors_give_one_entry_per_field():
    detail = {"title": ["Too long.", "Not nice."], "dueDate": ["Wrong format."]}
    assert list(field_errors(detail)) == [
        {"field": "title", "message": "Too long. Not nice."},
        {"field": "dueDate", "message": "Wrong format."},
    ]


def test_nested_errors_name_their_path():
    assert list(field_errors({"tags": [{"name": ["Required."]}]})) == [
        {"field": "tags[0].name", "message": "Required."}
    ]


def test_an_error_about_the_whole_body_is_named_body():
    assert list(field_errors(["Expected an object."])) == [
        {"field": "body", "message": "Expected an object."}
    ]
