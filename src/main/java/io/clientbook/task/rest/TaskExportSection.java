package io.clientbook.task.rest;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.clientbook.privacy.SubjectExportSection;
import io.clientbook.privacy.SubjectExportWriter;
import io.clientbook.task.Task;
import io.clientbook.task.TaskListQuery;
import io.clientbook.task.TaskRepository;

/** Every follow-up task about the customer, in work-queue order, read in keyset pages. */
@ApplicationScoped
public class TaskExportSection implements SubjectExportSection {

    @Inject
    TaskRepository tasks;

    @Override
    public String name() {
        return "tasks";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void write(UUID customerId, SubjectExportWriter out) throws IOException {
        TaskListQuery ofCustomer = new TaskListQuery(null, null, null, customerId, null, false, null);
        out.startArray();
        Task last = null;
        List<Task> page;
        do {
            page = last == null ? tasks.page(ofCustomer, null, null, null, SubjectExportWriter.PAGE_SIZE)
                    : tasks.page(ofCustomer, last.dueAt, last.priorityRank, last.id, SubjectExportWriter.PAGE_SIZE);
            for (Task t : page) {
                out.value(TaskResponse.of(t));
            }
            if (!page.isEmpty()) {
                last = page.get(page.size() - 1);
            }
            out.pageWritten();
        } while (page.size() == SubjectExportWriter.PAGE_SIZE);
        out.endArray();
    }
}
