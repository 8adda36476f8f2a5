"""The distillation loss: least at the teacher's probabilities; samples without a value count for nothing."""

from __future__ import annotations

import torch

from autoglm_ui.training.distil import distil_loss


def test_the_loss_is_least_where_the_student_answers_as_the_teacher() -> None:
    teacher = torch.tensor([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]])
    labels = {"checked": torch.tensor([1, 3])}  # 0 would be "not applicable"
    as_teacher = torch.cat([torch.zeros(2, 1), teacher.log()], dim=1)  # index 0: not applicable
    loss_at = distil_loss({"checked": as_teacher}, {"checked": teacher}, labels)
    entropy = -(teacher * teacher.log()).sum(1).mean()
    assert torch.isclose(loss_at, entropy, atol=1e-6)
    torch.manual_seed(0)
    for _ in range(20):
        other = as_teacher + torch.randn_like(as_teacher)
        assert distil_loss({"checked": other}, {"checked": teacher}, labels) > loss_at


def test_samples_without_a_value_are_left_out() -> None:
    teacher = torch.tensor([[0.5, 0.5], [0.9, 0.1]])
    logits = torch.tensor([[9.0, 5.0, -5.0], [0.0, 2.0, 0.0]])
    only_second = distil_loss({"busy": logits}, {"busy": teacher}, {"busy": torch.tensor([0, 2])})
    second = distil_loss({"busy": logits[1:]}, {"busy": teacher[1:]}, {"busy": torch.tensor([2])})
    assert torch.isclose(only_second, second)
    none = distil_loss({"busy": logits}, {"busy": teacher}, {"busy": torch.tensor([0, 0])})
    assert float(none) == 0.0
