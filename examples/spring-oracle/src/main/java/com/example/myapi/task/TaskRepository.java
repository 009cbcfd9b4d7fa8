package com.example.myapi.task;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Spring Data derives each query from its method name. A list query takes a {@link Pageable}:
 * the database sorts and returns just that page (OFFSET ... FETCH NEXT ... ROWS ONLY).
 */
public interface TaskRepository extends JpaRepository<Task, Long> {

    List<Task> findByOwnerId(Long ownerId, Pageable pageable);

    List<Task> findByOwnerIdAndStatus(Long ownerId, TaskStatus status, Pageable pageable);

    long countByOwnerId(Long ownerId);

    long countByOwnerIdAndStatus(Long ownerId, TaskStatus status);

    Optional<Task> findByIdAndOwnerId(Long id, Long ownerId);

    boolean existsByOwnerId(Long ownerId);
}
