package com.example.myapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

class TaskApiTest extends ApiTestSupport {

    private String bearer;

    @BeforeEach
    void newUser() throws Exception {
        bearer = newUserBearer();
    }

    private ResultActions createTask(String json) throws Exception {
        return mvc.perform(post("/api/v1/tasks")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private String createdId(String json) throws Exception {
        String body = createTask(json)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void createReturnsTheTaskWithDefaultsAndItsLocation() throws Exception {
        String body = createTask("""
                        {"title": "  Write tests  ", "id": "999", "createdAt": "2000-01-01T00:00:00Z", "extra": 1}
                        """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.title").value("Write tests"))
                .andExpect(jsonPath("$.description").value((Object) null))
                .andExpect(jsonPath("$.status").value("todo"))
                .andExpect(jsonPath("$.dueDate").value((Object) null))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.read(body, "$.id");
        String createdAt = JsonPath.read(body, "$.createdAt");

        assertThat(id).isNotEqualTo("999");
        assertThat(createdAt).startsWith("20").endsWith("Z");
        mvc.perform(get("/api/v1/tasks/" + id).header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.createdAt").value(createdAt));
    }

    @Test
    void createAcceptsEveryWritableFieldAndSetsTheLocation() throws Exception {
        MvcResult result = createTask("""
                        {"title": "Located", "status": "doing", "dueDate": "2030-01-31", "description": "d"}
                        """)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("doing"))
                .andExpect(jsonPath("$.dueDate").value("2030-01-31"))
                .andExpect(jsonPath("$.description").value("d"))
                .andReturn();
        String id = JsonPath.read(result.getResponse().getContentAsString(), "$.id");

        assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/tasks/" + id);
    }

    @Test
    void everyInvalidFieldIsListedOnce() throws Exception {
        createTask("""
                        {"title": "   ", "status": "later", "dueDate": "2030-02-31", "description": "%s"}
                        """.formatted("x".repeat(2001)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentType(PROBLEM_JSON))
                .andExpect(
                        jsonPath("$.errors[*].field", containsInAnyOrder("title", "status", "dueDate", "description")));
    }

    @Test
    void titlesAreCountedInCharactersAfterTrimming() throws Exception {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        createTask("{\"title\": \"%s\"}".formatted(emoji.repeat(200)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.title").value(emoji.repeat(200)));
        createTask("{\"title\": \"  %s  \"}".formatted("y".repeat(200))).andExpect(status().isCreated());
        createTask("{\"title\": \"%s\"}".formatted(emoji.repeat(201)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
    }

    @Test
    void statusAndDueDateMustBeValidWhenSent() throws Exception {
        for (String body : new String[] {
            "{\"title\": \"t\", \"status\": null}",
            "{\"title\": \"t\", \"status\": \"DONE\"}",
            "{\"title\": \"t\", \"dueDate\": \"2026-12-01T10:00:00Z\"}",
            "{\"title\": \"t\", \"dueDate\": \"01/12/2026\"}",
            "{\"title\": 42}"
        }) {
            createTask(body).andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors", hasSize(1)));
        }
    }

    @Test
    void listPagesSortsAndFiltersInTheDatabase() throws Exception {
        createdId("{\"title\": \"b\", \"status\": \"done\"}");
        createdId("{\"title\": \"c\"}");
        createdId("{\"title\": \"a\"}");

        mvc.perform(get("/api/v1/tasks?sort=title&pageSize=2").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].title", contains("a", "b")))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.pageSize").value(2))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
        mvc.perform(get("/api/v1/tasks?sort=title&pageSize=2&page=2").header("Authorization", bearer))
                .andExpect(jsonPath("$.items[*].title", contains("c")));
        mvc.perform(get("/api/v1/tasks?status=done").header("Authorization", bearer))
                .andExpect(jsonPath("$.items[*].title", contains("b")))
                .andExpect(jsonPath("$.totalItems").value(1));
        // Default order: newest first.
        mvc.perform(get("/api/v1/tasks").header("Authorization", bearer))
                .andExpect(jsonPath("$.items[*].title", contains("a", "c", "b")))
                .andExpect(jsonPath("$.pageSize").value(20));
        // Past the end: an empty page, however far.
        mvc.perform(get("/api/v1/tasks?page=1000000000000").header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)))
                .andExpect(jsonPath("$.page").value(1000000000000L))
                .andExpect(jsonPath("$.totalItems").value(3));
    }

    @Test
    void sortingByDueDateWorksBothWaysWithUndatedTasksLast() throws Exception {
        createdId("{\"title\": \"undated\"}");
        createdId("{\"title\": \"later\", \"dueDate\": \"2030-06-01\"}");
        createdId("{\"title\": \"sooner\", \"dueDate\": \"2030-01-01\"}");

        mvc.perform(get("/api/v1/tasks?sort=dueDate").header("Authorization", bearer))
                .andExpect(jsonPath("$.items[*].title", contains("sooner", "later", "undated")));
        mvc.perform(get("/api/v1/tasks?sort=-dueDate").header("Authorization", bearer))
                .andExpect(jsonPath("$.items[*].title", contains("later", "sooner", "undated")));
    }

    @Test
    void titlesSortByCodePointUpperCaseFirst() throws Exception {
        for (String title : new String[] {"b", "B", "a", "A"}) {
            createdId("{\"title\": \"%s\"}".formatted(title));
        }
        mvc.perform(get("/api/v1/tasks?sort=title").header("Authorization", bearer))
                .andExpect(jsonPath("$.items[*].title", contains("A", "B", "a", "b")));
    }

    /** Oracle stores "" as NULL: a blank description is null everywhere, H2 included. */
    @Test
    void aBlankDescriptionIsNull() throws Exception {
        createTask("{\"title\": \"t\", \"description\": \"\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.description").value((Object) null));
        String id = createdId("{\"title\": \"t\", \"description\": \"kept\"}");
        mvc.perform(patch("/api/v1/tasks/" + id)
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\": \"   \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value((Object) null));
    }

    @Test
    void badListParametersAreValidationErrors() throws Exception {
        for (String query :
                new String[] {"page=0", "page=x", "pageSize=0", "pageSize=101", "status=later", "sort=id"}) {
            mvc.perform(get("/api/v1/tasks?" + query).header("Authorization", bearer))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(content().contentType(PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors", hasSize(1)));
        }
    }

    @Test
    void patchChangesOnlyTheFieldsSent() throws Exception {
        String id = createdId("""
                {"title": "Original", "description": "keep me", "dueDate": "2030-01-01"}
                """);

        mvc.perform(patch("/api/v1/tasks/" + id)
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\": \"done\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("done"))
                .andExpect(jsonPath("$.title").value("Original"))
                .andExpect(jsonPath("$.description").value("keep me"))
                .andExpect(jsonPath("$.dueDate").value("2030-01-01"));

        mvc.perform(patch("/api/v1/tasks/" + id)
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\": null, \"dueDate\": null}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value((Object) null))
                .andExpect(jsonPath("$.dueDate").value((Object) null))
                .andExpect(jsonPath("$.status").value("done"));
    }

    @Test
    void patchRejectsANullTitleOrStatus() throws Exception {
        String id = createdId("{\"title\": \"Original\"}");
        mvc.perform(patch("/api/v1/tasks/" + id)
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": null, \"status\": null}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("title", "status")));
    }

    @Test
    void deleteRemovesTheTask() throws Exception {
        String id = createdId("{\"title\": \"Short-lived\"}");
        mvc.perform(delete("/api/v1/tasks/" + id).header("Authorization", bearer))
                .andExpect(status().isNoContent())
                .andExpect(content().string(""));
        mvc.perform(get("/api/v1/tasks/" + id).header("Authorization", bearer)).andExpect(status().isNotFound());
    }

    @Test
    void anotherUsersTaskIsNotFound() throws Exception {
        String id = createdId("{\"title\": \"Mine\"}");
        String stranger = newUserBearer();

        mvc.perform(get("/api/v1/tasks/" + id).header("Authorization", stranger))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(PROBLEM_JSON));
        mvc.perform(patch("/api/v1/tasks/" + id)
                        .header("Authorization", stranger)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"Theirs\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/tasks/" + id).header("Authorization", stranger))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/tasks").header("Authorization", stranger))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() throws Exception {
        for (String id : new String[] {"999999999", "abc", "12345678901234567890123", "-1"}) {
            mvc.perform(get("/api/v1/tasks/" + id).header("Authorization", bearer))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentType(PROBLEM_JSON));
        }
    }

    @Test
    void tasksNeedAToken() throws Exception {
        mvc.perform(get("/api/v1/tasks")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/tasks")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"x\"}"))
                .andExpect(status().isUnauthorized());
    }
}
