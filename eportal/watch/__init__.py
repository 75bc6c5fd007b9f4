"""The Department's watch (Art. 16-17, 22-24): the audit trail, the integrity
watch, the traffic watch and the operations reports."""
